package dev.meshcert.cli;

import com.google.gson.stream.JsonWriter;
import dev.meshcert.mesh.detect.DataPlaneDetection;
import dev.meshcert.mesh.detect.IstioControlPlane;
import dev.meshcert.mesh.detect.IstiodRevision;
import dev.meshcert.mesh.detect.LinkerdControlPlane;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.detect.SpireServer;
import dev.meshcert.mesh.detect.TlsConflict;
import dev.meshcert.mesh.detect.WorkloadStatus;
import dev.meshcert.mesh.policy.Decision;
import dev.meshcert.mesh.policy.PolicyRef;
import dev.meshcert.mesh.workload.Container;
import dev.meshcert.mesh.workload.Namespace;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** The JSON output of {@code meshcert scan} (schema in docs/json-format.md, "scan"). */
final class ScanJson {

  /** Bumped when a field changes meaning or goes away. */
  static final int SCHEMA_VERSION = 1;

  private ScanJson() {}

  static void write(MeshSnapshot s, PrintWriter out) throws IOException {
    JsonWriter w = new JsonWriter(out);
    w.setIndent("  ");
    w.beginObject();
    w.name("schemaVersion").value(SCHEMA_VERSION);
    w.name("kind").value("scan");
    w.name("cluster").value(s.cluster());
    w.name("demo").value(s.demo());
    w.name("takenAt").value(s.takenAt().toString());
    optional(w, "namespace", s.namespace());
    w.name("namespaces").beginArray();
    for (Namespace n : s.namespaces()) {
      w.beginObject().name("name").value(n.name());
      w.name("labels").beginObject();
      for (var e : new java.util.TreeMap<>(n.labels()).entrySet()) {
        w.name(e.getKey()).value(e.getValue());
      }
      w.endObject().endObject();
    }
    w.endArray();
    controlPlane(w, s);
    w.name("pods").beginArray();
    for (WorkloadStatus p : s.workloads()) {
      pod(w, p);
    }
    w.endArray();
    w.name("tlsConflicts").beginArray();
    for (TlsConflict c : s.tlsConflicts()) {
      w.beginObject();
      w.name("kind").value(c.kind().name());
      w.name("rule").value(c.rule().toString());
      w.name("where").value(c.where());
      w.name("clientMode").value(c.clientMode().name());
      w.name("service").value(c.service());
      w.name("pod").value(c.pod());
      if (c.port().isPresent()) {
        w.name("port").value(c.port().get());
      }
      w.name("serverSide").value(c.serverSide());
      w.name("message").value(c.message());
      w.name("hint").value(c.hint());
      w.endObject();
    }
    w.endArray();
    strings(w, "problems", s.problems());
    w.endObject();
    w.flush();
    out.println();
  }

  private static void pod(JsonWriter w, WorkloadStatus p) throws IOException {
    w.beginObject();
    w.name("namespace").value(p.pod().namespace());
    w.name("name").value(p.pod().name());
    w.name("serviceAccount").value(p.pod().serviceAccount());
    optional(w, "node", p.pod().node());
    w.name("phase").value(p.pod().phase());
    strings(w, "containers", p.pod().containers().stream().map(Container::name).toList());
    w.name("initContainers").beginArray();
    for (Container c : p.pod().initContainers()) {
      w.beginObject().name("name").value(c.name());
      w.name("nativeSidecar").value(c.restartsAlways()).endObject();
    }
    w.endArray();
    w.name("dataPlane").value(p.dataPlane().primary().name());
    w.name("detections").beginArray();
    for (DataPlaneDetection d : p.dataPlane().detections()) {
      w.beginObject();
      w.name("plane").value(d.plane().name());
      w.name("displayName").value(d.plane().displayName());
      optional(w, "revision", d.revision());
      strings(w, "evidence", d.evidence());
      strings(w, "warnings", d.warnings());
      w.endObject();
    }
    w.endArray();
    w.name("mtls").beginObject();
    w.name("badge").value(p.badge().name());
    w.name("badgeText").value(p.badge().label());
    decision(w, p.mtls().decision());
    w.name("ports").beginArray();
    for (WorkloadStatus.PortStatus port : p.ports()) {
      w.beginObject().name("port").value(port.port());
      decision(w, port.decision());
      w.endObject();
    }
    w.endArray();
    strings(w, "applied", p.mtls().applied().stream().map(PolicyRef::toString).toList());
    strings(w, "notes", p.mtls().notes());
    w.name("describe").value(p.mtls().describe());
    w.endObject();
    w.endObject();
  }

  private static void decision(JsonWriter w, Decision d) throws IOException {
    w.name("mode").value(d.mode().name());
    w.name("scope").value(d.scope().name());
    optional(w, "policy", d.policy().map(PolicyRef::toString));
    w.name("decidedBy").value(d.reason());
  }

  private static void controlPlane(JsonWriter w, MeshSnapshot s) throws IOException {
    w.name("controlPlane").beginObject();
    w.name("istio").beginArray();
    for (IstioControlPlane p : s.controlPlane().istio()) {
      w.beginObject().name("namespace").value(p.namespace());
      w.name("rootNamespace").value(p.rootNamespace());
      w.name("trustDomain").value(p.trustDomain());
      w.name("caMode").value(p.caMode().name());
      strings(w, "caEvidence", p.caEvidence());
      w.name("revisions").beginArray();
      for (IstiodRevision r : p.revisions()) {
        w.beginObject().name("revision").value(r.revision());
        w.name("deployment").value(r.deployment().name());
        w.name("ready").value(r.deployment().readiness());
        optional(w, "version", r.version());
        w.name("trustDomain").value(r.meshConfig().trustDomain());
        strings(w, "trustDomainAliases", r.meshConfig().trustDomainAliases());
        w.endObject();
      }
      w.endArray();
      optional(w, "citadel", p.citadel().map(c -> c.name()));
      w.endObject();
    }
    w.endArray();
    w.name("linkerd").beginArray();
    for (LinkerdControlPlane l : s.controlPlane().linkerd()) {
      w.beginObject().name("namespace").value(l.namespace());
      optional(w, "version", l.version());
      w.name("identityReady").value(l.identity().readiness());
      w.name("trustDomain").value(l.trustDomain());
      w.name("trustRootsPresent").value(l.trustRootsPem().isPresent());
      w.endObject();
    }
    w.endArray();
    w.name("spire").beginArray();
    for (SpireServer sp : s.controlPlane().spire()) {
      w.beginObject().name("namespace").value(sp.server().namespace());
      w.name("name").value(sp.server().name());
      w.name("ready").value(sp.server().readiness());
      optional(w, "trustDomain", sp.trustDomain());
      w.endObject();
    }
    w.endArray();
    w.endObject();
  }

  private static void strings(JsonWriter w, String name, List<String> values) throws IOException {
    w.name(name).beginArray();
    for (String v : values) {
      w.value(v);
    }
    w.endArray();
  }

  private static void optional(JsonWriter w, String name, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      w.name(name).value(value.get());
    }
  }
}
