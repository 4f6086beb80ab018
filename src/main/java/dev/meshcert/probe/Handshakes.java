package dev.meshcert.probe;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.List;

/** Writes the handshake part of the transcript, as {@code curl -v} shows it. */
final class Handshakes {
  private Handshakes() {}

  static void describe(MtlsProbe.Attempt a, Transcript t) {
    if (a.keys.requested()) {
      t.info(
          "Server asked for a client certificate"
              + (a.keys.issuers().isEmpty()
                  ? " (no CA names given)"
                  : "; accepted CAs: " + String.join(" | ", a.keys.issuers())));
      t.info(
          a.keys.sent()
              ? "Sent client certificate: "
                  + a.keys.getCertificateChain("identity")[0].getSubjectX500Principal().getName()
                  + sanOf(a)
              : "No client certificate sent");
    } else {
      t.info("Server did not ask for a client certificate");
    }
    t.info("SSL connection using " + a.session.getProtocol() + " / " + a.session.getCipherSuite());
    t.info(
        a.alpn
            .map(p -> "ALPN: server accepted " + p)
            .orElse("ALPN: server did not agree on a protocol"));
    List<CertificateFacts> chain = MtlsProbe.decoded(a.trust.chain());
    t.info("Server certificate:");
    if (!chain.isEmpty()) {
      CertificateFacts leaf = chain.get(0);
      t.info(" subject: " + (leaf.subjectEmpty() ? "(empty)" : leaf.subject()));
      leaf.spiffeUri().ifPresent(id -> t.info(" SPIFFE ID: " + id));
      if (!leaf.dnsSans().isEmpty()) {
        t.info(" DNS names: " + String.join(", ", leaf.dnsSans()));
      }
      t.info(" start date: " + leaf.notBefore());
      t.info(" expire date: " + leaf.notAfter());
      t.info(" issuer: " + leaf.issuer());
      t.info(" public key: " + leaf.publicKey().describe());
      t.info(" chain: " + chain.size() + (chain.size() == 1 ? " certificate" : " certificates"));
    }
    t.info(" " + a.trust.verification().detail());
    a.expectedSpiffeId()
        .ifPresent(
            id -> {
              boolean ok =
                  !chain.isEmpty() && chain.get(0).spiffeUri().filter(id::equals).isPresent();
              t.info(" expected SPIFFE ID " + id + (ok ? ": matches" : ": DOES NOT MATCH"));
            });
  }

  private static String sanOf(MtlsProbe.Attempt a) {
    try {
      var sans = a.keys.getCertificateChain("identity")[0].getSubjectAlternativeNames();
      if (sans == null) {
        return "";
      }
      for (List<?> san : sans) {
        if (Integer.valueOf(6).equals(san.get(0))) {
          return " (" + san.get(1) + ")";
        }
      }
    } catch (java.security.cert.CertificateParsingException e) {
      return "";
    }
    return "";
  }
}
