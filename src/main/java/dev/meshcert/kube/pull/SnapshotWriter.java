package dev.meshcert.kube.pull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.cert.Pem;
import dev.meshcert.core.finding.Finding;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.workload.Container;
import dev.meshcert.mesh.workload.Workload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a {@link Snapshot} as the JSON of docs/snapshot-format.md. Only certificates (PEM),
 * descriptions and verdicts are written: the records it reads from hold no private key, and nothing
 * of the connection (tokens, kubeconfig) is part of them.
 */
final class SnapshotWriter {

  static final String FORMAT = "meshcert-snapshot";

  private SnapshotWriter() {}

  static JsonObject write(Snapshot snapshot) {
    JsonObject o = new JsonObject();
    o.addProperty("format", FORMAT);
    o.addProperty("version", SnapshotService.FORMAT_VERSION);
    o.addProperty("savedAt", snapshot.savedAt().toString());
    o.addProperty("savedBy", snapshot.savedBy());
    JsonArray contexts = new JsonArray();
    snapshot.contexts().forEach(c -> contexts.add(context(c)));
    o.add("contexts", contexts);
    return o;
  }

  private static JsonObject context(ScanResult r) {
    MeshSnapshot m = r.mesh();
    JsonObject o = new JsonObject();
    o.addProperty("cluster", m.cluster());
    o.addProperty("demo", m.demo());
    o.addProperty("takenAt", r.takenAt().toString());
    o.add(
        "namespace",
        m.namespace()
            .<JsonElement>map(com.google.gson.JsonPrimitive::new)
            .orElse(JsonNull.INSTANCE));
    o.addProperty("cancelled", r.cancelled());
    o.add("problems", strings(r.problems()));
    JsonObject mesh = new JsonObject();
    mesh.addProperty("takenAt", m.takenAt().toString());
    mesh.add("namespaces", SnapshotJson.GSON.toJsonTree(m.namespaces()));
    mesh.add(
        "pods",
        SnapshotJson.GSON.toJsonTree(m.pods().stream().map(SnapshotWriter::redacted).toList()));
    mesh.add(
        "infrastructure",
        SnapshotJson.GSON.toJsonTree(
            m.infrastructure().stream().map(SnapshotWriter::redacted).toList()));
    mesh.add("controlPlane", SnapshotJson.GSON.toJsonTree(m.controlPlane()));
    mesh.add("policies", SnapshotJson.GSON.toJsonTree(m.policies()));
    mesh.add("services", SnapshotJson.GSON.toJsonTree(m.services()));
    mesh.add("destinationRules", SnapshotJson.GSON.toJsonTree(m.destinationRules()));
    mesh.add("problems", strings(m.problems()));
    o.add("mesh", mesh);
    JsonArray roots = new JsonArray();
    for (MeshRoot root : r.roots()) {
      JsonObject j = new JsonObject();
      j.addProperty("kind", root.kind().name());
      j.addProperty("origin", root.origin());
      j.addProperty("namespace", root.namespace());
      j.add("certificates", pems(root.certificates()));
      j.add("notes", strings(root.notes()));
      roots.add(j);
    }
    o.add("roots", roots);
    JsonArray pulls = new JsonArray();
    r.pods().forEach(p -> pulls.add(pull(p)));
    o.add("pulls", pulls);
    return o;
  }

  private static JsonObject pull(PodPull p) {
    JsonObject o = new JsonObject();
    o.addProperty("pod", p.ref());
    o.addProperty("plane", p.plane().name());
    o.addProperty("status", p.status().name());
    o.add("reason", optional(p.reason()));
    o.add("missingPermission", strings(p.missingPermission()));
    o.addProperty("tookMillis", p.took().toMillis());
    JsonArray attempts = new JsonArray();
    for (Attempt a : p.attempts()) {
      JsonObject j = new JsonObject();
      j.addProperty("strategy", a.strategy());
      j.addProperty("succeeded", a.succeeded());
      j.addProperty("detail", a.detail());
      j.add("failure", optional(a.failure().map(SnapshotWriter::failureType)));
      j.addProperty("tookMillis", a.took().toMillis());
      attempts.add(j);
    }
    o.add("attempts", attempts);
    o.add("pulled", p.pulled().<JsonElement>map(SnapshotWriter::pulled).orElse(JsonNull.INSTANCE));
    o.add(
        "verdicts",
        p.verdicts().<JsonElement>map(SnapshotWriter::verdicts).orElse(JsonNull.INSTANCE));
    return o;
  }

  /** Environment names kept: what mesh proxies are configured with, never application values. */
  private static boolean meshVariable(String name) {
    return name.startsWith("LINKERD2_PROXY_IDENTITY")
        || name.startsWith("_l5d_")
        || name.startsWith("_pod_")
        || name.startsWith("ISTIO_META_")
        || name.equals("PROXY_CONFIG");
  }

  /**
   * The pod without what could hold an application's secrets: environment values other than the
   * mesh proxies' own, and kubectl's last-applied-configuration annotation (a copy of the spec).
   */
  static Workload redacted(Workload pod) {
    Map<String, String> annotations = new LinkedHashMap<>(pod.annotations());
    annotations.remove("kubectl.kubernetes.io/last-applied-configuration");
    return new Workload(
        pod.namespace(),
        pod.name(),
        pod.serviceAccount(),
        pod.node(),
        pod.labels(),
        annotations,
        pod.containers().stream().map(SnapshotWriter::redacted).toList(),
        pod.initContainers().stream().map(SnapshotWriter::redacted).toList(),
        pod.volumes(),
        pod.podIp(),
        pod.phase(),
        pod.owner(),
        pod.created());
  }

  private static Container redacted(Container c) {
    Map<String, String> env = new LinkedHashMap<>();
    c.env()
        .forEach(
            (k, v) -> {
              if (meshVariable(k)) {
                env.put(k, v);
              }
            });
    return new Container(c.name(), c.image(), c.ports(), env, c.restartPolicy(), c.mounts());
  }

  static String failureType(KubeFailure f) {
    return f.getClass().getSimpleName();
  }

  private static JsonObject pulled(PulledChain c) {
    JsonObject o = new JsonObject();
    o.addProperty("source", c.source());
    o.add("chain", pems(c.chain()));
    o.add("roots", pems(c.roots()));
    o.add("state", optional(c.state()));
    o.add(
        "keyMatchesLeaf",
        c.keyMatchesLeaf()
            .<JsonElement>map(com.google.gson.JsonPrimitive::new)
            .orElse(JsonNull.INSTANCE));
    o.add("notes", strings(c.notes()));
    return o;
  }

  private static JsonObject verdicts(PodVerdicts v) {
    JsonObject o = new JsonObject();
    o.add("identity", optional(v.identity()));
    o.addProperty("expectedIdentity", v.expectedIdentity());
    o.addProperty("identityMatch", v.identityMatch().name());
    o.addProperty("meshRoot", v.meshRoot().name());
    o.add("verifiedRootSha256", optional(v.verifiedRoot().map(CertificateFacts::sha256)));
    o.add(
        "heldRootsMatchMesh",
        v.heldRootsMatchMesh()
            .<JsonElement>map(com.google.gson.JsonPrimitive::new)
            .orElse(JsonNull.INSTANCE));
    o.add(
        "rotation",
        v.rotation()
            .<JsonElement>map(
                r -> {
                  JsonObject j = new JsonObject();
                  j.addProperty("renewAt", r.renewAt().toString());
                  j.addProperty("overdueAt", r.overdueAt().toString());
                  j.addProperty("ratio", r.ratio());
                  j.addProperty("overdue", r.overdue());
                  return j;
                })
            .orElse(JsonNull.INSTANCE));
    JsonArray findings = new JsonArray();
    for (Finding f : v.findings()) {
      JsonObject j = new JsonObject();
      j.addProperty("rule", f.rule());
      j.addProperty("severity", f.severity().name());
      j.addProperty("title", f.title());
      j.addProperty("explanation", f.explanation());
      j.addProperty("reference", f.reference());
      j.add("certificateSha256", optional(f.certificateSha256()));
      findings.add(j);
    }
    o.add("findings", findings);
    return o;
  }

  private static JsonArray pems(List<CertificateFacts> certs) {
    JsonArray a = new JsonArray();
    certs.forEach(c -> a.add(Pem.encode(c.der())));
    return a;
  }

  private static JsonArray strings(List<String> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }

  private static JsonElement optional(Optional<String> value) {
    return value.<JsonElement>map(com.google.gson.JsonPrimitive::new).orElse(JsonNull.INSTANCE);
  }
}
