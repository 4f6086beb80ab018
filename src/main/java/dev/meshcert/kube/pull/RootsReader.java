package dev.meshcert.kube.pull;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.kube.PodAccess;
import dev.meshcert.kube.SecretCertificates;
import dev.meshcert.mesh.detect.IstioControlPlane;
import dev.meshcert.mesh.detect.LinkerdControlPlane;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.detect.WorkloadStatus;
import dev.meshcert.mesh.workload.ConfigMapData;
import dev.meshcert.mesh.workload.DataPlane;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads the roots and CAs of the meshes a scan touches: the {@code istio-ca-root-cert} ConfigMap of
 * every namespace with Istio pods, Linkerd's {@code linkerd-identity-trust-roots}, and, only when
 * asked, the CA Secrets ({@code istio-ca-secret}, {@code cacerts}, {@code linkerd-identity-issuer})
 * and {@code kubernetes.io/tls} Secrets, without their keys. What cannot be read becomes a problem,
 * never a failure.
 */
final class RootsReader {

  static final String ISTIO_ROOT = "istio-ca-root-cert";
  static final String LINKERD_ROOTS = "linkerd-identity-trust-roots";

  private final PodAccess access;
  private final Cancellation cancel;
  private final List<MeshRoot> roots = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  RootsReader(PodAccess access, Cancellation cancel) {
    this.access = access;
    this.cancel = cancel;
  }

  /** The roots, and what could not be read. */
  record Read(List<MeshRoot> roots, List<String> problems) {}

  Read read(MeshSnapshot mesh, List<WorkloadStatus> pods, boolean secrets) throws KubeException {
    TreeSet<String> istioNamespaces = new TreeSet<>();
    boolean linkerd = false;
    for (WorkloadStatus w : pods) {
      DataPlane p = w.dataPlane().primary();
      if (p == DataPlane.ISTIO_SIDECAR || p == DataPlane.ISTIO_AMBIENT) {
        istioNamespaces.add(w.pod().namespace());
      }
      linkerd |= p == DataPlane.LINKERD;
    }
    for (String ns : istioNamespaces) {
      configMap(ns, ISTIO_ROOT, MeshRoot.Kind.ISTIO_ROOT_CONFIGMAP);
    }
    TreeSet<String> linkerdNamespaces = new TreeSet<>();
    mesh.controlPlane().linkerd().stream()
        .map(LinkerdControlPlane::namespace)
        .forEach(linkerdNamespaces::add);
    if (linkerd && linkerdNamespaces.isEmpty()) {
      linkerdNamespaces.add("linkerd");
    }
    for (String ns : linkerdNamespaces) {
      configMap(ns, LINKERD_ROOTS, MeshRoot.Kind.LINKERD_TRUST_ROOTS);
    }
    if (secrets) {
      TreeSet<String> istioCa = new TreeSet<>();
      mesh.controlPlane().istio().stream().map(IstioControlPlane::namespace).forEach(istioCa::add);
      if (!istioNamespaces.isEmpty() && istioCa.isEmpty()) {
        istioCa.add("istio-system");
      }
      for (String ns : istioCa) {
        secret(ns, "istio-ca-secret", MeshRoot.Kind.ISTIO_CA_SECRET);
        secret(ns, "cacerts", MeshRoot.Kind.ISTIO_CA_SECRET);
      }
      for (String ns : linkerdNamespaces) {
        secret(ns, "linkerd-identity-issuer", MeshRoot.Kind.LINKERD_ISSUER_SECRET);
      }
      NamespaceScope scope = new NamespaceScope(mesh.namespace());
      try {
        for (SecretCertificates s : access.secrets(scope, "kubernetes.io/tls", cancel)) {
          add(s, MeshRoot.Kind.TLS_SECRET);
        }
      } catch (KubeException e) {
        handle(e, "kubernetes.io/tls Secrets in " + scope);
      }
    }
    return new Read(roots, problems);
  }

  private void configMap(String ns, String name, MeshRoot.Kind kind) throws KubeException {
    try {
      Optional<ConfigMapData> map = access.configMap(ns, name, cancel);
      if (map.isEmpty()) {
        problems.add("ConfigMap " + ns + "/" + name + " does not exist");
        return;
      }
      List<String> notes = new ArrayList<>();
      List<CertificateFacts> certs = new ArrayList<>();
      map.get().data().entrySet().stream()
          .sorted(java.util.Map.Entry.comparingByKey())
          .forEach(
              e ->
                  certs.addAll(
                      CertificateFiles.decode(
                          e.getValue().getBytes(StandardCharsets.UTF_8),
                          "ConfigMap " + ns + "/" + name + " " + e.getKey(),
                          notes)));
      roots.add(new MeshRoot(kind, "ConfigMap " + ns + "/" + name, ns, certs, notes));
    } catch (KubeException e) {
      handle(e, "ConfigMap " + ns + "/" + name);
    }
  }

  private void secret(String ns, String name, MeshRoot.Kind kind) throws KubeException {
    try {
      Optional<SecretCertificates> s = access.secret(ns, name, cancel);
      if (s.isPresent()) {
        add(s.get(), kind);
      }
    } catch (KubeException e) {
      handle(e, "Secret " + ns + "/" + name);
    }
  }

  private void add(SecretCertificates s, MeshRoot.Kind kind) {
    List<String> notes = new ArrayList<>();
    List<CertificateFacts> certs = new ArrayList<>();
    s.certificates()
        .forEach(
            (k, v) ->
                certs.addAll(CertificateFiles.decode(v, "Secret " + s.ref() + " " + k, notes)));
    if (!s.withheld().isEmpty()) {
      notes.add("private key entries not read: " + String.join(", ", s.withheld()));
    }
    roots.add(new MeshRoot(kind, "Secret " + s.ref(), s.namespace(), certs, notes));
  }

  private void handle(KubeException e, String what) throws KubeException {
    if (e.failure() instanceof KubeFailure.Cancelled) {
      throw e;
    }
    problems.add(what + ": " + e.failure().title());
  }

  /** The mesh roots a pod's chain is judged against. */
  static List<CertificateFacts> forPod(
      WorkloadStatus pod, List<MeshRoot> roots, MeshSnapshot mesh) {
    DataPlane plane = pod.dataPlane().primary();
    if (plane == DataPlane.ISTIO_SIDECAR || plane == DataPlane.ISTIO_AMBIENT) {
      List<CertificateFacts> own =
          certificates(roots, MeshRoot.Kind.ISTIO_ROOT_CONFIGMAP, pod.pod().namespace());
      if (!own.isEmpty()) {
        return own;
      }
      List<CertificateFacts> fromControlPlane = new ArrayList<>();
      mesh.controlPlane()
          .istio()
          .forEach(
              cp ->
                  cp.rootCertPem()
                      .ifPresent(
                          pem ->
                              fromControlPlane.addAll(
                                  CertificateFiles.decode(
                                      pem.getBytes(StandardCharsets.UTF_8),
                                      "istio root",
                                      new ArrayList<>()))));
      return fromControlPlane;
    }
    if (plane == DataPlane.LINKERD) {
      return certificates(roots, MeshRoot.Kind.LINKERD_TRUST_ROOTS, null);
    }
    return List.of();
  }

  private static List<CertificateFacts> certificates(
      List<MeshRoot> roots, MeshRoot.Kind kind, String ns) {
    return roots.stream()
        .filter(r -> r.kind() == kind && (ns == null || r.namespace().equals(ns)))
        .flatMap(r -> r.certificates().stream())
        .toList();
  }
}
