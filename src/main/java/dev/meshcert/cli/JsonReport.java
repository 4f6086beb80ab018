package dev.meshcert.cli;

import com.google.gson.stream.JsonWriter;
import dev.meshcert.core.analysis.Analysis;
import dev.meshcert.core.analysis.CertificateReport;
import dev.meshcert.core.analysis.ChainReport;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.finding.Finding;
import dev.meshcert.core.read.CertificateEntry;
import dev.meshcert.core.read.KeyEntry;
import dev.meshcert.core.read.MetadataEntry;
import dev.meshcert.core.read.ReadProblem;
import dev.meshcert.core.read.Source;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an {@link Analysis} as the JSON document described in docs/json-format.md. Field names are
 * a published interface: add fields, never rename or remove them.
 */
final class JsonReport {

  /** Version of the document's shape; raised only for incompatible changes. */
  static final int FORMAT_VERSION = 1;

  private JsonReport() {}

  static void write(Analysis analysis, List<String> unreadInputs, Writer out) throws IOException {
    JsonWriter w = new JsonWriter(out);
    w.setIndent("  ");
    w.setHtmlSafe(false);
    w.beginObject();
    w.name("formatVersion").value(FORMAT_VERSION);
    w.name("at").value(iso(analysis.at()));
    w.name("sources").beginArray();
    for (Source s : analysis.sources()) {
      source(w, s);
    }
    w.endArray();
    w.name("trustSources").beginArray();
    for (Source s : analysis.trustSources()) {
      source(w, s);
    }
    w.endArray();
    w.name("unreadInputs").beginArray();
    for (String line : unreadInputs) {
      w.value(line);
    }
    w.endArray();
    w.name("certificates").beginArray();
    for (CertificateReport r : analysis.certificates()) {
      certificate(w, r);
    }
    w.endArray();
    w.name("chains").beginArray();
    for (ChainReport c : analysis.chains()) {
      chain(w, c);
    }
    w.endArray();
    w.endObject();
    w.flush();
    out.write('\n');
    out.flush();
  }

  private static void source(JsonWriter w, Source s) throws IOException {
    w.beginObject();
    w.name("name").value(s.name());
    w.name("format").value(s.format().name());
    w.name("summary").value(s.summary());
    w.name("certificates").beginArray();
    for (CertificateEntry e : s.certificates()) {
      w.beginObject();
      w.name("sha256").value(e.certificate().sha256());
      w.name("location").value(e.location());
      stringMap(w, "context", e.context());
      w.endObject();
    }
    w.endArray();
    w.name("keys").beginArray();
    for (KeyEntry k : s.keys()) {
      w.beginObject();
      w.name("location").value(k.location());
      w.name("algorithm").value(k.algorithm());
      w.name("description").value(k.description());
      optional(w, "matchesCertificate", k.matchedCertificateSha256());
      w.endObject();
    }
    w.endArray();
    w.name("metadata").beginArray();
    for (MetadataEntry m : s.metadata()) {
      w.beginObject();
      w.name("title").value(m.title());
      stringMap(w, "fields", m.fields());
      w.endObject();
    }
    w.endArray();
    w.name("problems").beginArray();
    for (ReadProblem p : s.problems()) {
      w.beginObject();
      w.name("location").value(p.location());
      w.name("message").value(p.message());
      w.endObject();
    }
    w.endArray();
    w.endObject();
  }

  private static void certificate(JsonWriter w, CertificateReport r) throws IOException {
    CertificateFacts c = r.certificate();
    w.beginObject();
    w.name("sha256").value(c.sha256());
    w.name("serialHex").value(c.serialHex());
    w.name("subject").value(c.subject());
    w.name("issuer").value(c.issuer());
    w.name("notBefore").value(iso(c.notBefore()));
    w.name("notAfter").value(iso(c.notAfter()));
    optional(w, "spiffeId", r.spiffeId().map(Object::toString));
    w.name("expiry").value(r.expiry().state().name());
    w.name("expiryPhrase").value(r.expiry().phrase());
    w.name("ca").value(c.ca());
    w.name("publicKey").value(c.publicKey().describe());
    w.name("signatureAlgorithm").value(c.signatureAlgorithm());
    w.name("uriSans").beginArray();
    for (String u : c.uriSans()) {
      w.value(u);
    }
    w.endArray();
    w.name("dnsSans").beginArray();
    for (String d : c.dnsSans()) {
      w.value(d);
    }
    w.endArray();
    findings(w, r.findings());
    w.endObject();
  }

  private static void chain(JsonWriter w, ChainReport c) throws IOException {
    w.beginObject();
    w.name("certificates").beginArray();
    for (CertificateFacts f : c.chain().certificates()) {
      w.value(f.sha256());
    }
    w.endArray();
    w.name("endsAtSelfSigned").value(c.chain().endsAtSelfSigned());
    optional(w, "missingIssuer", c.chain().missingIssuer());
    w.name("trusted").value(c.trusted());
    w.name("reason").value(c.reason());
    findings(w, c.findings());
    w.endObject();
  }

  private static void findings(JsonWriter w, List<Finding> findings) throws IOException {
    w.name("findings").beginArray();
    for (Finding f : findings) {
      w.beginObject();
      w.name("rule").value(f.rule());
      w.name("severity").value(f.severity().name());
      w.name("message").value(f.title());
      w.name("explanation").value(f.explanation());
      w.name("reference").value(f.reference());
      optional(w, "certificate", f.certificateSha256());
      w.endObject();
    }
    w.endArray();
  }

  private static void stringMap(JsonWriter w, String name, Map<String, String> map)
      throws IOException {
    w.name(name).beginObject();
    for (Map.Entry<String, String> e : map.entrySet()) {
      w.name(e.getKey()).value(e.getValue());
    }
    w.endObject();
  }

  private static void optional(JsonWriter w, String name, Optional<String> value)
      throws IOException {
    w.name(name);
    if (value.isPresent()) {
      w.value(value.get());
    } else {
      w.nullValue();
    }
  }

  private static String iso(Instant instant) {
    return instant.toString();
  }
}
