package dev.meshcert.app;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.cert.ExtensionFacts;

/** A plain text view until core.cert.CertificateText lands. */
final class PlainText {
  private PlainText() {}

  static String render(CertificateFacts c) {
    StringBuilder b = new StringBuilder();
    b.append("Certificate:\n    Data:\n");
    b.append("        Version: ").append(c.version()).append('\n');
    b.append("        Serial Number: ").append(c.serialHex()).append('\n');
    b.append("        Signature Algorithm: ").append(c.signatureAlgorithm()).append('\n');
    b.append("        Issuer: ").append(c.issuer()).append('\n');
    b.append("        Validity\n");
    b.append("            Not Before: ").append(c.notBefore()).append('\n');
    b.append("            Not After : ").append(c.notAfter()).append('\n');
    b.append("        Subject: ").append(c.subject()).append('\n');
    b.append("        Subject Public Key Info:\n");
    b.append("            Public Key Algorithm: ").append(c.publicKey().describe()).append('\n');
    b.append("        X509v3 extensions:\n");
    for (ExtensionFacts e : c.extensions()) {
      b.append("            ")
          .append(e.name())
          .append(e.critical() ? ": critical" : ":")
          .append('\n');
      for (String line : e.lines()) {
        b.append("                ").append(line).append('\n');
      }
    }
    return b.toString();
  }
}
