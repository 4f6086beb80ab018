package dev.meshcert.mesh.trust;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.read.CertificateEntry;
import dev.meshcert.core.read.Source;
import dev.meshcert.mesh.envoy.DumpContext;
import dev.meshcert.mesh.envoy.SecretPart;
import dev.meshcert.mesh.istioctl.RootCaVerification;
import dev.meshcert.mesh.ztunnel.ZtunnelCert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what was read from one input into workload chains, using what the mesh readers recorded
 * about each certificate:
 *
 * <ul>
 *   <li>an Envoy config_dump: one workload per certificate-chain secret ({@code default} is the
 *       workload itself, other secrets such as gateway credentials are named after the secret), the
 *       bundle from {@code ROOTCA}, else from every trusted-CA part of the dump;
 *   <li>a ztunnel dump: one workload per identity, its chain from the Leaf and Intermediate
 *       elements, its bundle from the Root elements;
 *   <li>anything else (PEM, a Secret, a keystore): one workload with every certificate as the
 *       chain, in input order, and no known bundle.
 * </ul>
 *
 * Pure and stateless.
 */
public final class WorkloadChains {

  private static final String CERT_CHAIN = SecretPart.Kind.CERT_CHAIN.label();
  private static final String ROOT_SECRET = RootCaVerification.ROOT_SECRET;
  private static final String ROOT_ROLE = ZtunnelCert.Role.ROOT.label();
  private static final String DEFAULT_SECRET = "default";

  private WorkloadChains() {}

  /**
   * The workloads in {@code source}, named after {@code workload} (the pod, or the file).
   *
   * @return in input order; empty when the source holds no certificate
   */
  public static List<WorkloadChain> of(String workload, Source source) {
    List<CertificateEntry> entries = source.certificates();
    if (entries.isEmpty()) {
      return List.of();
    }
    if (entries.stream().anyMatch(e -> e.context().containsKey(DumpContext.IDENTITY))) {
      return ztunnel(source);
    }
    if (entries.stream().anyMatch(e -> CERT_CHAIN.equals(e.context().get(DumpContext.TYPE)))) {
      return envoy(workload, source);
    }
    List<CertificateFacts> all = entries.stream().map(CertificateEntry::certificate).toList();
    return List.of(new WorkloadChain(workload, all, List.of(), source.name()));
  }

  private static List<WorkloadChain> envoy(String workload, Source source) {
    Map<String, List<CertificateFacts>> chains = new LinkedHashMap<>();
    List<CertificateFacts> rootCa = new ArrayList<>();
    List<CertificateFacts> anyCa = new ArrayList<>();
    for (CertificateEntry e : source.certificates()) {
      String secret = e.context().getOrDefault(DumpContext.SECRET, "");
      if (CERT_CHAIN.equals(e.context().get(DumpContext.TYPE))) {
        chains.computeIfAbsent(secret, s -> new ArrayList<>()).add(e.certificate());
      } else {
        anyCa.add(e.certificate());
        if (secret.equals(ROOT_SECRET)) {
          rootCa.add(e.certificate());
        }
      }
    }
    List<CertificateFacts> bundle = rootCa.isEmpty() ? anyCa : rootCa;
    List<WorkloadChain> out = new ArrayList<>();
    chains.forEach(
        (secret, chain) ->
            out.add(
                new WorkloadChain(
                    secret.equals(DEFAULT_SECRET) ? workload : workload + " (" + secret + ")",
                    chain,
                    bundle,
                    source.name())));
    return out;
  }

  private static List<WorkloadChain> ztunnel(Source source) {
    Map<String, List<CertificateFacts>> chains = new LinkedHashMap<>();
    Map<String, List<CertificateFacts>> roots = new LinkedHashMap<>();
    for (CertificateEntry e : source.certificates()) {
      String identity = e.context().getOrDefault(DumpContext.IDENTITY, "");
      boolean root = ROOT_ROLE.equals(e.context().get(DumpContext.ROLE));
      chains.computeIfAbsent(identity, i -> new ArrayList<>());
      roots.computeIfAbsent(identity, i -> new ArrayList<>());
      (root ? roots : chains).get(identity).add(e.certificate());
    }
    List<WorkloadChain> out = new ArrayList<>();
    chains.forEach(
        (identity, chain) -> {
          List<CertificateFacts> bundle = roots.get(identity);
          List<CertificateFacts> served = chain.isEmpty() ? bundle : chain;
          if (!served.isEmpty()) {
            out.add(new WorkloadChain(identity, served, bundle, source.name()));
          }
        });
    return out;
  }
}
