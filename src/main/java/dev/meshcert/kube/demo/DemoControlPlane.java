package dev.meshcert.kube.demo;

import dev.meshcert.mesh.detect.ControlPlaneInputs;
import dev.meshcert.mesh.policy.ParsedPeerAuthentication;
import dev.meshcert.mesh.policy.PeerAuthenticationParser;
import dev.meshcert.mesh.workload.ConfigMapData;
import dev.meshcert.mesh.workload.Container;
import dev.meshcert.mesh.workload.SecretInfo;
import dev.meshcert.mesh.workload.WorkloadResource;
import dev.meshcert.mesh.workload.WorkloadResource.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The demo mesh's control planes and PeerAuthentications. */
final class DemoControlPlane {

  private DemoControlPlane() {}

  static ControlPlaneInputs inputs(DemoCertificates certs) {
    List<WorkloadResource> resources =
        List.of(
            new WorkloadResource(
                Kind.DEPLOYMENT,
                "istio-system",
                "istiod",
                Map.of("app", "istiod", "istio.io/rev", "default"),
                List.of(
                    Container.of("discovery", "docker.io/istio/pilot:" + DemoPods.ISTIO_VERSION)),
                1,
                1),
            new WorkloadResource(
                Kind.DAEMON_SET,
                "istio-system",
                "ztunnel",
                Map.of("app", "ztunnel"),
                List.of(
                    Container.of(
                        "istio-proxy", "docker.io/istio/ztunnel:" + DemoPods.ISTIO_VERSION)),
                2,
                2),
            new WorkloadResource(
                Kind.DEPLOYMENT,
                "linkerd",
                "linkerd-identity",
                Map.of(
                    "linkerd.io/control-plane-component",
                    "identity",
                    "app.kubernetes.io/version",
                    DemoPods.LINKERD_VERSION),
                List.of(
                    Container.of(
                        "identity", "cr.l5d.io/linkerd/controller:" + DemoPods.LINKERD_VERSION)),
                1,
                1));
    List<ConfigMapData> configMaps =
        List.of(
            new ConfigMapData(
                "istio-system",
                "istio",
                Map.of(),
                Map.of(
                    "mesh",
                    "defaultConfig:\n  discoveryAddress: istiod.istio-system.svc:15012\n"
                        + "rootNamespace: istio-system\ntrustDomain: cluster.local\n")),
            new ConfigMapData(
                "istio-system",
                "istio-ca-root-cert",
                Map.of(),
                Map.of("root-cert.pem", certs.istioRoot())),
            new ConfigMapData(
                "linkerd",
                "linkerd-config",
                Map.of(),
                Map.of("values", "identityTrustDomain: cluster.local\n")),
            new ConfigMapData(
                "linkerd",
                "linkerd-identity-trust-roots",
                Map.of(),
                Map.of("ca-bundle.crt", certs.linkerdAnchor())));
    List<SecretInfo> secrets =
        List.of(
            new SecretInfo(
                "istio-system",
                "istio-ca-secret",
                "istio.io/ca-root",
                Set.of("ca-cert.pem", "ca-key.pem", "cert-chain.pem", "key.pem", "root-cert.pem")),
            new SecretInfo(
                "linkerd",
                "linkerd-identity-issuer",
                "kubernetes.io/tls",
                Set.of("tls.crt", "tls.key", "ca.crt")));
    return new ControlPlaneInputs(resources, configMaps, Optional.of(secrets));
  }

  /** PeerAuthentications at mesh, namespace, workload and port level, read like any YAML. */
  static List<ParsedPeerAuthentication> policies(Instant now) {
    String created = now.minus(Duration.ofDays(30)).toString();
    String later = now.minus(Duration.ofDays(3)).toString();
    String yaml =
        """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: default, namespace: istio-system, creationTimestamp: "%1$s"}
        spec: {mtls: {mode: PERMISSIVE}}
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: default, namespace: bookinfo, creationTimestamp: "%1$s"}
        spec: {mtls: {mode: STRICT}}
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: productpage-health, namespace: bookinfo, creationTimestamp: "%2$s"}
        spec:
          selector: {matchLabels: {app: productpage}}
          portLevelMtls:
            "9080": {mode: PERMISSIVE}
        ---
        apiVersion: security.istio.io/v1beta1
        kind: PeerAuthentication
        metadata: {name: default, namespace: legacy, creationTimestamp: "%1$s"}
        spec: {mtls: {mode: PERMISSIVE}}
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: inventory-strict, namespace: legacy, creationTimestamp: "%2$s"}
        spec:
          selector: {matchLabels: {app: inventory}}
          mtls: {mode: STRICT}
          portLevelMtls:
            "9090": {mode: DISABLE}
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: httpbin, namespace: ambient-demo, creationTimestamp: "%2$s"}
        spec:
          selector: {matchLabels: {app: httpbin}}
          mtls: {mode: STRICT}
        """
            .formatted(created, later);
    return PeerAuthenticationParser.parseYaml(yaml, "default");
  }
}
