package dev.meshcert.kube.pull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.mesh.detect.ControlPlaneReport;
import dev.meshcert.mesh.detect.MeshAnalyzer;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.detect.WorkloadStatus;
import dev.meshcert.mesh.policy.DestinationRule;
import dev.meshcert.mesh.policy.ParsedPeerAuthentication;
import dev.meshcert.mesh.workload.DataPlane;
import dev.meshcert.mesh.workload.Namespace;
import dev.meshcert.mesh.workload.ServiceInfo;
import dev.meshcert.mesh.workload.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the JSON of docs/snapshot-format.md back into a {@link Snapshot}: the mesh is analysed
 * again from its saved pods and policies, and every pulled chain is judged again at the instant it
 * was taken, so an opened snapshot looks as the scan did. Typed cluster failures of attempts are
 * not restored (their text is).
 */
final class SnapshotReader {

  private final Verdicts verdicts = new Verdicts();
  private final List<String> problems = new ArrayList<>();

  Snapshot read(JsonObject root) throws IOException {
    String format = text(root, "format");
    if (!SnapshotWriter.FORMAT.equals(format)) {
      throw new IOException("not a meshcert snapshot (format is \"" + format + "\")");
    }
    int version = root.has("version") ? root.get("version").getAsInt() : 0;
    if (version < 1 || version > SnapshotService.FORMAT_VERSION) {
      throw new IOException(
          "snapshot format version "
              + version
              + " is not supported (this program reads 1 to "
              + SnapshotService.FORMAT_VERSION
              + ")");
    }
    List<ScanResult> contexts = new ArrayList<>();
    for (JsonElement c : array(root, "contexts")) {
      contexts.add(context(c.getAsJsonObject()));
    }
    return new Snapshot(
        version, Instant.parse(text(root, "savedAt")), text(root, "savedBy"), contexts, problems);
  }

  private ScanResult context(JsonObject o) {
    JsonObject m = o.getAsJsonObject("mesh");
    Instant takenAt = Instant.parse(text(o, "takenAt"));
    MeshSnapshot mesh =
        MeshAnalyzer.analyze(
            new MeshAnalyzer.Inputs(
                text(o, "cluster"),
                o.has("demo") && o.get("demo").getAsBoolean(),
                m.has("takenAt") ? Instant.parse(text(m, "takenAt")) : takenAt,
                optional(o, "namespace"),
                list(m, "namespaces", new TypeToken<List<Namespace>>() {}),
                list(m, "pods", new TypeToken<List<Workload>>() {}),
                list(m, "infrastructure", new TypeToken<List<Workload>>() {}),
                m.has("controlPlane") && !m.get("controlPlane").isJsonNull()
                    ? SnapshotJson.GSON.fromJson(m.get("controlPlane"), ControlPlaneReport.class)
                    : new ControlPlaneReport(List.of(), List.of(), List.of(), List.of()),
                list(m, "policies", new TypeToken<List<ParsedPeerAuthentication>>() {}),
                strings(m, "problems"),
                // absent from files written before they were saved: no conflicts then
                list(m, "services", new TypeToken<List<ServiceInfo>>() {}),
                list(m, "destinationRules", new TypeToken<List<DestinationRule>>() {})));
    List<MeshRoot> roots = new ArrayList<>();
    for (JsonElement e : array(o, "roots")) {
      JsonObject r = e.getAsJsonObject();
      String origin = text(r, "origin");
      roots.add(
          new MeshRoot(
              MeshRoot.Kind.valueOf(text(r, "kind")),
              origin,
              text(r, "namespace"),
              pems(r, "certificates", origin),
              strings(r, "notes")));
    }
    Clock clock = Clock.fixed(takenAt, ZoneOffset.UTC);
    List<PodPull> pulls = new ArrayList<>();
    for (JsonElement e : array(o, "pulls")) {
      pulls.add(pull(e.getAsJsonObject(), mesh, roots, clock));
    }
    return new ScanResult(
        mesh,
        takenAt,
        roots,
        pulls,
        o.has("cancelled") && o.get("cancelled").getAsBoolean(),
        strings(o, "problems"));
  }

  private PodPull pull(JsonObject o, MeshSnapshot mesh, List<MeshRoot> roots, Clock clock) {
    String ref = text(o, "pod");
    Optional<WorkloadStatus> status = mesh.workload(ref);
    Workload pod =
        status
            .map(WorkloadStatus::pod)
            .orElseGet(
                () -> {
                  int slash = ref.indexOf('/');
                  return Workload.builder(
                          ref.substring(0, Math.max(0, slash)), ref.substring(slash + 1))
                      .build();
                });
    List<Attempt> attempts = new ArrayList<>();
    for (JsonElement e : array(o, "attempts")) {
      JsonObject a = e.getAsJsonObject();
      attempts.add(
          new Attempt(
              text(a, "strategy"),
              a.get("succeeded").getAsBoolean(),
              text(a, "detail"),
              Optional.empty(),
              Duration.ofMillis(a.has("tookMillis") ? a.get("tookMillis").getAsLong() : 0)));
    }
    Optional<PulledChain> pulled = Optional.empty();
    if (o.has("pulled") && o.get("pulled").isJsonObject()) {
      JsonObject c = o.getAsJsonObject("pulled");
      String source = text(c, "source");
      pulled =
          Optional.of(
              new PulledChain(
                  source,
                  pems(c, "chain", ref + " " + source),
                  pems(c, "roots", ref + " " + source + " roots"),
                  optional(c, "state"),
                  c.has("keyMatchesLeaf") && !c.get("keyMatchesLeaf").isJsonNull()
                      ? Optional.of(c.get("keyMatchesLeaf").getAsBoolean())
                      : Optional.empty(),
                  strings(c, "notes")));
    }
    Optional<PodVerdicts> judged =
        pulled
            .filter(p -> !p.chain().isEmpty())
            .map(
                p ->
                    verdicts.judge(
                        pod,
                        p,
                        status.map(s -> RootsReader.forPod(s, roots, mesh)).orElse(List.of()),
                        clock));
    return new PodPull(
        pod,
        DataPlane.valueOf(text(o, "plane")),
        PullStatus.valueOf(text(o, "status")),
        attempts,
        pulled,
        judged,
        optional(o, "reason"),
        strings(o, "missingPermission"),
        Duration.ofMillis(o.has("tookMillis") ? o.get("tookMillis").getAsLong() : 0));
  }

  private List<CertificateFacts> pems(JsonObject o, String field, String where) {
    List<String> notes = new ArrayList<>();
    List<CertificateFacts> out = new ArrayList<>();
    for (JsonElement e : array(o, field)) {
      out.addAll(
          CertificateFiles.decode(e.getAsString().getBytes(StandardCharsets.UTF_8), where, notes));
    }
    notes.forEach(n -> problems.add(where + ": " + n));
    return out;
  }

  private static <T> List<T> list(JsonObject o, String field, TypeToken<List<T>> type) {
    if (!o.has(field) || o.get(field).isJsonNull()) {
      return List.of();
    }
    return SnapshotJson.GSON.fromJson(o.get(field), type.getType());
  }

  private static JsonArray array(JsonObject o, String field) {
    return o.has(field) && o.get(field).isJsonArray() ? o.getAsJsonArray(field) : new JsonArray();
  }

  private static List<String> strings(JsonObject o, String field) {
    List<String> out = new ArrayList<>();
    array(o, field).forEach(e -> out.add(e.getAsString()));
    return out;
  }

  private static String text(JsonObject o, String field) {
    return o.has(field) && !o.get(field).isJsonNull() ? o.get(field).getAsString() : "";
  }

  private static Optional<String> optional(JsonObject o, String field) {
    return o.has(field) && !o.get(field).isJsonNull()
        ? Optional.of(o.get(field).getAsString())
        : Optional.empty();
  }
}
