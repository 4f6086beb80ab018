package dev.meshcert.cli;

import com.google.gson.stream.JsonWriter;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.probe.Handshake;
import dev.meshcert.probe.HttpExchange;
import dev.meshcert.probe.ProbeMatrix;
import dev.meshcert.probe.ProbeResult;
import dev.meshcert.probe.TranscriptLine;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * The probe's results as the JSON document described in docs/json-format.md ("Probe"). Field names
 * are a published interface: add fields, never rename or remove them.
 */
final class ProbeJson {
  static final int FORMAT_VERSION = 1;

  private ProbeJson() {}

  static void write(ProbeMatrix.Result result, String route, String identity, Writer out)
      throws IOException {
    JsonWriter w = new JsonWriter(out);
    w.setIndent("  ");
    w.setHtmlSafe(false);
    w.beginObject();
    w.name("formatVersion").value(FORMAT_VERSION);
    w.name("route").value(route);
    w.name("identity").value(identity);
    w.name("verdict").value(result.verdict().name());
    w.name("verdictTitle").value(result.verdict().title());
    w.name("results").beginArray();
    for (ProbeResult r : result.results()) {
      result(w, r);
    }
    w.endArray();
    w.endObject();
    w.flush();
    out.write(System.lineSeparator());
  }

  private static void result(JsonWriter w, ProbeResult r) throws IOException {
    w.beginObject();
    w.name("experiment").value(r.experiment().name());
    w.name("target").value(r.target().authority());
    w.name("outcome").value(r.outcome().name());
    w.name("title").value(r.outcome().title());
    w.name("explanation").value(r.outcome().explanation());
    w.name("elapsedMillis").value(r.elapsed().toMillis());
    if (r.handshake().isPresent()) {
      handshake(w, r.handshake().get());
    }
    if (r.http().isPresent()) {
      http(w, r.http().get());
    }
    w.name("transcript").beginArray();
    for (TranscriptLine l : r.transcript()) {
      w.value(l.toString());
    }
    w.endArray();
    w.name("reproduce").value(r.reproduce());
    w.endObject();
  }

  private static void handshake(JsonWriter w, Handshake h) throws IOException {
    w.name("tls").beginObject();
    w.name("protocol").value(h.protocol());
    w.name("cipherSuite").value(h.cipherSuite());
    w.name("alpn").value(h.alpnChosen().orElse(null));
    w.name("serverName").value(h.serverName().orElse(null));
    w.name("clientCertificateRequested").value(h.clientCertificateRequested());
    w.name("acceptedIssuers").beginArray();
    for (String i : h.acceptedIssuers()) {
      w.value(i);
    }
    w.endArray();
    w.name("clientCertificateSent").value(h.clientCertificateSent());
    w.name("serverVerification").value(h.verification().status().name());
    w.name("serverVerificationDetail").value(h.verification().detail());
    w.name("serverChain").beginArray();
    for (CertificateFacts c : h.serverChain()) {
      w.beginObject();
      w.name("subject").value(c.subject());
      w.name("issuer").value(c.issuer());
      w.name("spiffeId").value(c.spiffeUri().orElse(null));
      w.name("notBefore").value(c.notBefore().toString());
      w.name("notAfter").value(c.notAfter().toString());
      w.endObject();
    }
    w.endArray();
    w.endObject();
  }

  private static void http(JsonWriter w, HttpExchange h) throws IOException {
    w.name("http").beginObject();
    w.name("status").value(h.status());
    w.name("statusLine").value(h.statusLine());
    w.name("headers").beginArray();
    for (Map.Entry<String, String> e : h.headers()) {
      w.beginArray().value(e.getKey()).value(e.getValue()).endArray();
    }
    w.endArray();
    w.endObject();
  }
}
