package dev.meshcert.kube.demo;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.kube.Operation;
import dev.meshcert.kube.PodAccess;
import dev.meshcert.kube.PortForwardStream;
import dev.meshcert.kube.ReadCommand;
import dev.meshcert.kube.SecretCertificates;
import dev.meshcert.mesh.workload.ConfigMapData;
import dev.meshcert.mesh.workload.Namespace;
import dev.meshcert.mesh.workload.Workload;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's pods as the retrieval strategies reach them: Envoy admin and ztunnel admin answer
 * port-forwards with dumps of the demo's certificates (Linkerd proxies do not listen: their chain
 * comes from the demo's {@code certificates(...)}), {@code pilot-agent} and the certificate files
 * answer exec, and ConfigMaps and Secrets hold the roots. One sidecar is of Istio 1.4 (certificates
 * only in {@code /etc/certs}), one holds the previous root. Secrets come without their keys, as
 * from a live cluster.
 */
final class DemoPodAccess implements PodAccess {

  private final List<Namespace> namespaces;
  private final List<Workload> pods;
  private final DemoCertificates certs;
  private final Instant now;

  DemoPodAccess(
      List<Namespace> namespaces, List<Workload> pods, DemoCertificates certs, Instant now) {
    this.namespaces = namespaces;
    this.pods = pods;
    this.certs = certs;
    this.now = now;
  }

  @Override
  public PortForwardStream portForward(String namespace, String name, int port, Cancellation c)
      throws KubeException {
    Workload pod = pod(namespace, name, "pods/portforward", c);
    if ("ztunnel".equals(pod.labels().get("app")) && port == 15000) {
      return new InMemoryHttp(
          path -> path.equals("/config_dump") ? Optional.of(ztunnelDump(pod)) : Optional.empty());
    }
    if (pod.runningContainer("istio-proxy").isPresent() && port == 15000) {
      return new InMemoryHttp(
          path -> path.startsWith("/config_dump") ? Optional.of(envoyDump(pod)) : Optional.empty());
    }
    // Nothing listens (the demo's Linkerd proxies run no TLS server: only probe builds TLS
    // contexts): like a real port-forward, the connection opens and closes at once.
    return InMemoryHttp.closed();
  }

  private String envoyDump(Workload pod) {
    if (pod.ref().equals(DemoCertificates.LEGACY_FILES)) {
      return DemoAdmin.envoyWithoutSecrets();
    }
    List<DemoPki.Issued> chain = certs.served(pod.ref()).orElse(List.of());
    if (chain.isEmpty()) {
      return DemoAdmin.envoyWithoutSecrets();
    }
    return DemoAdmin.envoySecrets(
        chain.subList(0, chain.size() - 1), certs.heldIstioRoot(pod.ref()), now.minusSeconds(600));
  }

  private String ztunnelDump(Workload ztunnel) {
    Map<String, List<DemoPki.Issued>> byIdentity = new LinkedHashMap<>();
    for (Workload p : pods) {
      if (p.node().equals(ztunnel.node())
          && "enabled".equals(p.annotations().get("ambient.istio.io/redirection"))) {
        certs
            .served(p.ref())
            .ifPresent(
                chain ->
                    byIdentity.put(
                        "spiffe://"
                            + DemoCertificates.TRUST_DOMAIN
                            + "/ns/"
                            + p.namespace()
                            + "/sa/"
                            + p.serviceAccount(),
                        chain));
      }
    }
    return DemoAdmin.ztunnel(byIdentity);
  }

  @Override
  public byte[] exec(
      String namespace, String name, String container, ReadCommand command, Cancellation c)
      throws KubeException {
    Workload pod = pod(namespace, name, "pods/exec", c);
    Operation op = new Operation("create", "pods/exec", Optional.of(namespace));
    if (pod.runningContainer(container).isEmpty()) {
      throw new KubeException(
          new KubeFailure.NotFound(
              op, "container " + container + " not found in pod " + pod.ref()));
    }
    boolean legacy = pod.ref().equals(DemoCertificates.LEGACY_FILES);
    List<String> argv = command.argv();
    if (command.equals(ReadCommand.pilotAgentSecrets())) {
      if (legacy) {
        throw new KubeException(
            new KubeFailure.CommandFailed(
                op, 1, "Error: unknown command \"request\" for \"pilot-agent\""));
      }
      return envoyDump(pod).getBytes(StandardCharsets.UTF_8);
    }
    String path = argv.get(argv.size() - 1);
    if (!legacy || !path.startsWith("/etc/certs")) {
      throw new KubeException(
          new KubeFailure.CommandFailed(
              op,
              argv.get(0).equals("ls") ? 2 : 1,
              argv.get(0) + ": " + path + ": No such file or directory"));
    }
    List<DemoPki.Issued> chain = certs.served(pod.ref()).orElse(List.of());
    if (argv.get(0).equals("ls")) {
      return "cert-chain.pem\nroot-cert.pem\n".getBytes(StandardCharsets.UTF_8);
    }
    if (path.endsWith("/cert-chain.pem") && !chain.isEmpty()) {
      return chain.get(0).pem().getBytes(StandardCharsets.UTF_8);
    }
    if (path.endsWith("/root-cert.pem")) {
      return certs.istioRoot().getBytes(StandardCharsets.UTF_8);
    }
    throw new KubeException(
        new KubeFailure.CommandFailed(op, 1, "cat: " + path + ": No such file or directory"));
  }

  @Override
  public Optional<ConfigMapData> configMap(String namespace, String name, Cancellation c)
      throws KubeException {
    check(c, new Operation("get", "configmaps", Optional.of(namespace)));
    if (name.equals("istio-ca-root-cert")
        && namespaces.stream().anyMatch(n -> n.name().equals(namespace))) {
      return Optional.of(
          new ConfigMapData(
              namespace,
              name,
              Map.of("istio.io/config", "true"),
              Map.of("root-cert.pem", certs.istioRoot())));
    }
    if (name.equals("linkerd-identity-trust-roots") && namespace.equals("linkerd")) {
      return Optional.of(
          new ConfigMapData(
              namespace, name, Map.of(), Map.of("ca-bundle.crt", certs.linkerdAnchor())));
    }
    return Optional.empty();
  }

  @Override
  public Optional<SecretCertificates> secret(String namespace, String name, Cancellation c)
      throws KubeException {
    check(c, new Operation("get", "secrets", Optional.of(namespace)));
    if (namespace.equals("istio-system") && name.equals("istio-ca-secret")) {
      return Optional.of(
          new SecretCertificates(
              namespace,
              name,
              "istio.io/ca-root",
              Map.of("ca-cert.pem", bytes(certs.istioRoot())),
              Set.of("ca-key.pem")));
    }
    if (namespace.equals("linkerd") && name.equals("linkerd-identity-issuer")) {
      return Optional.of(issuerSecret());
    }
    return Optional.empty();
  }

  @Override
  public List<SecretCertificates> secrets(NamespaceScope scope, String type, Cancellation c)
      throws KubeException {
    check(c, new Operation("list", "secrets", scope.namespace()));
    return type.equals("kubernetes.io/tls") && scope.covers("linkerd")
        ? List.of(issuerSecret())
        : List.of();
  }

  private SecretCertificates issuerSecret() {
    return new SecretCertificates(
        "linkerd",
        "linkerd-identity-issuer",
        "kubernetes.io/tls",
        Map.of("tls.crt", bytes(certs.linkerdIssuer()), "ca.crt", bytes(certs.linkerdAnchor())),
        Set.of("tls.key"));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private Workload pod(String namespace, String name, String resource, Cancellation c)
      throws KubeException {
    Operation op = new Operation("create", resource, Optional.of(namespace));
    check(c, op);
    return pods.stream()
        .filter(p -> p.namespace().equals(namespace) && p.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new KubeException(new KubeFailure.NotFound(op, "pods \"" + name + "\" not found")));
  }

  private static void check(Cancellation c, Operation op) throws KubeException {
    if (c.isCancelled()) {
      throw new KubeException(new KubeFailure.Cancelled(op));
    }
  }
}
