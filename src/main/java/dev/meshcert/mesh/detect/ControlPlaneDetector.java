package dev.meshcert.mesh.detect;

import dev.meshcert.core.read.SafeYaml;
import dev.meshcert.mesh.workload.ConfigMapData;
import dev.meshcert.mesh.workload.Container;
import dev.meshcert.mesh.workload.WorkloadResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Finds the mesh control planes in a cluster: Istio (istiod revisions or legacy Citadel, mesh
 * config, CA mode), Linkerd (identity, trust roots, trust domain) and SPIRE servers. Stateless.
 */
public final class ControlPlaneDetector {

  private static final Pattern SPIRE_TRUST_DOMAIN =
      Pattern.compile("\"?trust_domain\"?\\s*[=:]\\s*\"([^\"]+)\"");

  private final IstioControlPlaneDetector istio = new IstioControlPlaneDetector();

  /** Detects every control plane visible in {@code in}. */
  public ControlPlaneReport detect(ControlPlaneInputs in) {
    List<String> problems = new ArrayList<>(in.problems());
    if (in.secrets().isEmpty()) {
      problems.add("Secrets could not be listed: the Istio CA mode is unknown");
    }
    List<LinkerdControlPlane> linkerd = new ArrayList<>();
    List<SpireServer> spire = new ArrayList<>();
    for (WorkloadResource r : in.resources()) {
      if (isLinkerdIdentity(r)) {
        linkerd.add(linkerd(r, in, problems));
      } else if (isSpireServer(r)) {
        spire.add(spire(r, in));
      }
    }
    return new ControlPlaneReport(istio.detect(in), linkerd, spire, problems);
  }

  /**
   * The namespaces holding a control plane among {@code resources}: where its ConfigMaps and
   * Secrets are to be read.
   */
  public static List<String> controlPlaneNamespaces(List<WorkloadResource> resources) {
    return resources.stream()
        .filter(
            r ->
                IstioControlPlaneDetector.isIstiod(r)
                    || IstioControlPlaneDetector.isCitadel(r)
                    || isLinkerdIdentity(r)
                    || isSpireServer(r))
        .map(WorkloadResource::namespace)
        .distinct()
        .sorted()
        .toList();
  }

  private static boolean isLinkerdIdentity(WorkloadResource r) {
    return r.kind() == WorkloadResource.Kind.DEPLOYMENT
        && ("identity".equals(r.labels().get("linkerd.io/control-plane-component"))
            || r.name().equals("linkerd-identity"));
  }

  private static boolean isSpireServer(WorkloadResource r) {
    return r.kind() != WorkloadResource.Kind.DAEMON_SET
        && (r.name().equals("spire-server")
            || "spire-server".equals(r.labels().get("app"))
            || r.containers().stream().anyMatch(c -> c.image().contains("spire-server")));
  }

  private static LinkerdControlPlane linkerd(
      WorkloadResource r, ControlPlaneInputs in, List<String> problems) {
    String ns = r.namespace();
    Optional<String> version =
        Optional.ofNullable(r.labels().get("app.kubernetes.io/version"))
            .or(() -> r.containers().stream().findFirst().flatMap(Container::imageTag));
    String trustDomain = "cluster.local";
    Optional<ConfigMapData> config = in.configMap(ns, "linkerd-config");
    if (config.isPresent() && config.get().data().containsKey("values")) {
      try {
        Object values = SafeYaml.load(config.get().data().get("values"));
        if (values instanceof Map<?, ?> m && m.get("identityTrustDomain") != null) {
          trustDomain = String.valueOf(m.get("identityTrustDomain"));
        }
      } catch (YAMLException e) {
        problems.add(ns + "/linkerd-config values are not valid YAML: using cluster.local");
      }
    }
    Optional<String> roots =
        in.configMap(ns, "linkerd-identity-trust-roots").map(c -> c.data().get("ca-bundle.crt"));
    if (roots.isEmpty()) {
      problems.add("ConfigMap " + ns + "/linkerd-identity-trust-roots not found");
    }
    Optional<String> issuer =
        in.secret(ns, "linkerd-identity-issuer").map(s -> s.name() + " (" + s.type() + ")");
    return new LinkerdControlPlane(ns, r, version, trustDomain, roots, issuer);
  }

  private static SpireServer spire(WorkloadResource r, ControlPlaneInputs in) {
    Optional<String> trustDomain =
        in.configMaps().stream()
            .filter(c -> c.namespace().equals(r.namespace()) && c.name().equals(r.name()))
            .map(c -> c.data().getOrDefault("server.conf", ""))
            .map(SPIRE_TRUST_DOMAIN::matcher)
            .filter(Matcher::find)
            .map(m -> m.group(1))
            .findFirst();
    Optional<WorkloadResource> agents =
        in.resources().stream()
            .filter(
                a ->
                    a.kind() == WorkloadResource.Kind.DAEMON_SET
                        && a.namespace().equals(r.namespace())
                        && (a.name().equals("spire-agent")
                            || a.containers().stream()
                                .anyMatch(c -> c.image().contains("spire-agent"))))
            .findFirst();
    return new SpireServer(r, trustDomain, agents);
  }
}
