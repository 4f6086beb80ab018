package dev.meshcert.mesh.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.mesh.workload.CertSource;
import dev.meshcert.mesh.workload.Container;
import dev.meshcert.mesh.workload.DataPlane;
import dev.meshcert.mesh.workload.Namespace;
import dev.meshcert.mesh.workload.Volume;
import dev.meshcert.mesh.workload.VolumeMount;
import dev.meshcert.mesh.workload.Workload;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SidecarDetectorTest {

  private final SidecarDetector detector = new SidecarDetector();
  private static final Container APP = Container.of("app", "example/app:1");
  private static final Container ISTIO_PROXY =
      Container.of("istio-proxy", "docker.io/istio/proxyv2:1.24.2");

  private static Workload.Builder pod() {
    return Workload.builder("bookinfo", "productpage-v1-abc").node("node-1").container(APP);
  }

  private DataPlaneReport detect(Workload pod) {
    return detector.detect(pod, DetectionContext.empty());
  }

  private DataPlaneReport detect(Workload pod, DetectionContext context) {
    return detector.detect(pod, context);
  }

  @Test
  void plainPodIsInNoMesh() {
    DataPlaneReport r = detect(pod().build());
    assertEquals(DataPlane.NONE, r.primary());
    assertEquals(List.of(), r.evidence());
  }

  @Test
  void istioSidecarIsFoundByItsContainerAndInjectionStatus() {
    DataPlaneReport r =
        detect(
            pod()
                .container(ISTIO_PROXY)
                .annotation(
                    "sidecar.istio.io/status",
                    "{\"containers\":[\"istio-proxy\"],\"revision\":\"canary\"}")
                .build());
    DataPlaneDetection d = r.find(DataPlane.ISTIO_SIDECAR).orElseThrow();
    assertEquals(
        List.of(
            "container istio-proxy (docker.io/istio/proxyv2:1.24.2)",
            "annotation sidecar.istio.io/status (revision canary)"),
        d.evidence());
    assertEquals(Optional.of("canary"), d.revision());
    assertEquals(Optional.of("1.24.2"), d.sidecar().orElseThrow().version());
    assertEquals(List.of(new CertSource.EnvoyAdmin("istio-proxy", 15000)), d.certSources());
  }

  @Test
  void istioProxyAsInitContainerWithRestartAlwaysIsANativeSidecar() {
    DataPlaneReport r =
        detect(pod().initContainer(ISTIO_PROXY.withRestartPolicy("Always")).build());
    DataPlaneDetection d = r.find(DataPlane.ISTIO_SIDECAR).orElseThrow();
    assertTrue(d.sidecar().orElseThrow().nativeSidecar());
    assertTrue(d.evidence().get(0).startsWith("native sidecar istio-proxy"), d.evidence().get(0));
  }

  @Test
  void initContainerWithoutRestartAlwaysIsNotASidecar() {
    assertEquals(DataPlane.NONE, detect(pod().initContainer(ISTIO_PROXY).build()).primary());
  }

  @Test
  void ztunnelPodIsTheNodeProxyNotASidecar() {
    Workload ztunnel =
        Workload.builder("istio-system", "ztunnel-x1")
            .node("node-1")
            .label("app", "ztunnel")
            .container(ISTIO_PROXY)
            .build();

    DataPlaneReport r = detect(ztunnel);

    assertEquals(DataPlane.ISTIO_ZTUNNEL, r.primary());
    assertTrue(r.find(DataPlane.ISTIO_SIDECAR).isEmpty());
    assertTrue(
        r.find(DataPlane.ISTIO_ZTUNNEL).orElseThrow().evidence().stream()
            .anyMatch(e -> e.contains("node node-1")));
  }

  @Test
  void ztunnelBadgeSaysItCarriesAmbientMtls() {
    assertEquals(
        dev.meshcert.mesh.policy.MtlsBadge.NODE_PROXY,
        dev.meshcert.mesh.policy.MtlsBadge.of(
            DataPlane.ISTIO_ZTUNNEL, dev.meshcert.mesh.policy.MtlsMode.STRICT));
  }

  @Test
  void injectionStatusWithoutProxyContainerIsAWarning() {
    DataPlaneReport r = detect(pod().annotation("sidecar.istio.io/status", "{}").build());
    assertEquals(1, r.find(DataPlane.ISTIO_SIDECAR).orElseThrow().warnings().size());
  }

  @Test
  void legacyEtcCertsMountIsACertSource() {
    Container proxy =
        ISTIO_PROXY.withMounts(List.of(new VolumeMount("istio-certs", "/etc/certs/", true)));
    DataPlaneReport r = detect(pod().container(proxy).build());
    assertTrue(
        r.certSources()
            .contains(new CertSource.MountedFiles("istio-proxy", "/etc/certs/", "istio-certs")));
  }

  @Test
  void ambientEnrolmentFromTheNamespaceLabelUsesTheNodesZtunnel() {
    Workload ztunnel =
        Workload.builder("istio-system", "ztunnel-x1")
            .node("node-1")
            .label("app", "ztunnel")
            .build();
    Namespace ns =
        new Namespace("bookinfo", Map.of("istio.io/dataplane-mode", "ambient"), Map.of());
    DetectionContext ctx = DetectionContext.of(List.of(ns), List.of(ztunnel));
    DataPlaneReport r =
        detect(pod().annotation("ambient.istio.io/redirection", "enabled").build(), ctx);
    DataPlaneDetection d = r.find(DataPlane.ISTIO_AMBIENT).orElseThrow();
    assertEquals(
        List.of(
            "namespace bookinfo label istio.io/dataplane-mode=ambient",
            "annotation ambient.istio.io/redirection=enabled (traffic captured by istio-cni)",
            "ztunnel istio-system/ztunnel-x1 on node node-1"),
        d.evidence());
    assertEquals(
        List.of(new CertSource.ZtunnelAdmin("istio-system", "ztunnel-x1", 15000)), d.certSources());
    assertEquals(List.of(), d.warnings());
  }

  @Test
  void ambientPodWithoutZtunnelOnItsNodeIsWarned() {
    DataPlaneReport r =
        detect(
            pod()
                .label("istio.io/dataplane-mode", "ambient")
                .annotation("ambient.istio.io/redirection", "enabled")
                .build());
    assertTrue(
        r.find(DataPlane.ISTIO_AMBIENT).orElseThrow().warnings().get(0).contains("no ztunnel"));
  }

  @Test
  void podLabelNoneOptsOutOfAnAmbientNamespace() {
    Namespace ns =
        new Namespace("bookinfo", Map.of("istio.io/dataplane-mode", "ambient"), Map.of());
    DataPlaneReport r =
        detect(
            pod().label("istio.io/dataplane-mode", "none").build(),
            DetectionContext.of(List.of(ns), List.of()));
    assertEquals(DataPlane.NONE, r.primary());
  }

  @Test
  void sidecarPodInAnAmbientNamespaceIsOnlyASidecar() {
    Namespace ns =
        new Namespace("bookinfo", Map.of("istio.io/dataplane-mode", "ambient"), Map.of());
    DataPlaneReport r =
        detect(pod().container(ISTIO_PROXY).build(), DetectionContext.of(List.of(ns), List.of()));
    assertEquals(
        List.of(DataPlane.ISTIO_SIDECAR),
        r.detections().stream().map(DataPlaneDetection::plane).toList());
  }

  @Test
  void missingWaypointIsWarned() {
    DataPlaneReport r =
        detect(
            pod()
                .label("istio.io/dataplane-mode", "ambient")
                .label("istio.io/use-waypoint", "waypoint")
                .build());
    DataPlaneDetection d = r.find(DataPlane.ISTIO_AMBIENT).orElseThrow();
    assertTrue(
        d.evidence().contains("uses waypoint bookinfo/waypoint (pod label istio.io/use-waypoint)"));
    assertTrue(
        d.warnings().stream().anyMatch(w -> w.contains("waypoint bookinfo/waypoint has no")));
  }

  @Test
  void runningWaypointIsNotWarned() {
    Workload waypoint =
        Workload.builder("bookinfo", "waypoint-abc")
            .label("gateway.networking.k8s.io/gateway-name", "waypoint")
            .label("gateway.istio.io/managed", "istio.io-mesh-controller")
            .build();
    Namespace ns =
        new Namespace(
            "bookinfo",
            Map.of("istio.io/dataplane-mode", "ambient", "istio.io/use-waypoint", "waypoint"),
            Map.of());
    DataPlaneReport r =
        detect(
            pod().annotation("ambient.istio.io/redirection", "enabled").build(),
            DetectionContext.of(List.of(ns), List.of(waypoint)));
    assertTrue(
        r.find(DataPlane.ISTIO_AMBIENT).orElseThrow().warnings().stream()
            .noneMatch(w -> w.contains("waypoint")));
  }

  @Test
  void linkerdProxyWithVersionAndIdentity() {
    Container proxy =
        Container.of("linkerd-proxy", "cr.l5d.io/linkerd/proxy:stable-2.14.1")
            .withEnv(
                Map.of(
                    "LINKERD2_PROXY_IDENTITY_LOCAL_NAME",
                    "web.emojivoto.serviceaccount.identity.linkerd.cluster.local"));
    DataPlaneReport r =
        detect(
            pod()
                .container(proxy)
                .annotation("linkerd.io/proxy-version", "stable-2.14.1")
                .label("linkerd.io/control-plane-ns", "linkerd")
                .build());
    DataPlaneDetection d = r.find(DataPlane.LINKERD).orElseThrow();
    assertEquals(DataPlane.LINKERD, r.primary());
    assertEquals(Optional.of("stable-2.14.1"), d.sidecar().orElseThrow().version());
    assertTrue(
        d.evidence()
            .contains(
                "identity web.emojivoto.serviceaccount.identity.linkerd.cluster.local"
                    + " (LINKERD2_PROXY_IDENTITY_LOCAL_NAME)"));
    assertEquals(List.of(new CertSource.LinkerdProxy("linkerd-proxy", 4191)), d.certSources());
  }

  @Test
  void consulDataplaneIsConsul() {
    DataPlaneReport r =
        detect(
            pod()
                .container(Container.of("consul-dataplane", "hashicorp/consul-dataplane:1.3"))
                .annotation("consul.hashicorp.com/connect-inject-status", "injected")
                .build());
    assertEquals(DataPlane.CONSUL, r.primary());
    assertEquals(2, r.find(DataPlane.CONSUL).orElseThrow().evidence().size());
  }

  @Test
  void olderConsulEnvoySidecarIsConsulToo() {
    DataPlaneReport r =
        detect(pod().container(Container.of("envoy-sidecar", "envoyproxy/envoy:v1.22")).build());
    assertEquals(DataPlane.CONSUL, r.primary());
  }

  @Test
  void kumaSidecarIsKuma() {
    DataPlaneReport r =
        detect(pod().container(Container.of("kuma-sidecar", "kumahq/kuma-dp:2.5.0")).build());
    assertEquals(DataPlane.KUMA, r.primary());
    assertEquals(List.of(new CertSource.EnvoyAdmin("kuma-sidecar", 9901)), r.certSources());
  }

  @Test
  void envoyBesideOsmInitIsOpenServiceMesh() {
    DataPlaneReport r =
        detect(
            pod()
                .initContainer(Container.of("osm-init", "openservicemesh/init:v1.2.0"))
                .container(Container.of("envoy", "envoyproxy/envoy-distroless:v1.22"))
                .label("osm-proxy-uuid", "6d0d1a2c")
                .build());
    assertEquals(DataPlane.OSM, r.primary());
  }

  @Test
  void plainEnvoyContainerIsNoMesh() {
    DataPlaneReport r =
        detect(pod().container(Container.of("envoy", "envoyproxy/envoy:v1.30")).build());
    assertEquals(DataPlane.NONE, r.primary());
  }

  @Test
  void nginxMeshSidecarIsNginxServiceMesh() {
    DataPlaneReport r =
        detect(
            pod()
                .container(Container.of("nginx-mesh-sidecar", "nginx/nginx-mesh-sidecar:1.7"))
                .build());
    assertEquals(DataPlane.NGINX_SM, r.primary());
  }

  @Test
  void appMeshEnvoyIsAppMesh() {
    DataPlaneReport r =
        detect(
            pod()
                .container(
                    Container.of(
                        "envoy",
                        "840364872350.dkr.ecr.us-west-2.amazonaws.com/aws-appmesh-envoy:v1.27.2.0-prod"))
                .build());
    assertEquals(DataPlane.APP_MESH, r.primary());
  }

  @Test
  void spireCsiVolumeGivesAWorkloadApiSocket() {
    Container app =
        APP.withMounts(
            List.of(new VolumeMount("spiffe-workload-api", "/spiffe-workload-api", true)));
    DataPlaneReport r =
        detect(
            Workload.builder("demo", "client")
                .container(app)
                .volume(Volume.csi("spiffe-workload-api", "csi.spiffe.io", Map.of()))
                .build());
    assertEquals(DataPlane.SPIRE_CSI, r.primary());
    assertEquals(
        List.of(
            new CertSource.WorkloadApiSocket("app", "/spiffe-workload-api", "spiffe-workload-api")),
        r.certSources());
  }

  @Test
  void istioWithSpireKeepsTheSidecarAsPrimary() {
    DataPlaneReport r =
        detect(
            pod()
                .container(
                    ISTIO_PROXY.withMounts(
                        List.of(
                            new VolumeMount(
                                "workload-socket", "/run/secrets/workload-spiffe-uds", false))))
                .volume(Volume.csi("workload-socket", "csi.spiffe.io", Map.of()))
                .build());
    assertEquals(DataPlane.ISTIO_SIDECAR, r.primary());
    assertTrue(r.has(DataPlane.SPIRE_CSI));
  }

  @Test
  void certManagerCsiVolumeNamesItsIssuer() {
    Container app = APP.withMounts(List.of(new VolumeMount("tls", "/tls", true)));
    DataPlaneReport r =
        detect(
            Workload.builder("demo", "server")
                .container(app)
                .volume(
                    Volume.csi(
                        "tls",
                        "csi.cert-manager.io",
                        Map.of("csi.cert-manager.io/issuer-name", "ca-issuer")))
                .build());
    DataPlaneDetection d = r.find(DataPlane.CERT_MANAGER_CSI).orElseThrow();
    assertEquals(List.of("CSI volume tls (csi.cert-manager.io), issuer ca-issuer"), d.evidence());
    assertEquals(List.of(new CertSource.MountedFiles("app", "/tls", "tls")), d.certSources());
  }

  @Test
  void unmountedCsiVolumeIsWarned() {
    DataPlaneReport r =
        detect(
            Workload.builder("demo", "server")
                .container(APP)
                .volume(Volume.csi("tls", "csi.cert-manager.io", Map.of()))
                .build());
    assertFalse(r.find(DataPlane.CERT_MANAGER_CSI).orElseThrow().warnings().isEmpty());
  }
}
