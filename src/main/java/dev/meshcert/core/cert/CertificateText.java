package dev.meshcert.core.cert;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;

/**
 * A certificate as text, laid out like {@code openssl x509 -text -noout} (OpenSSL 3), followed by
 * what people inspecting mesh certificates also want: fingerprints, the SPKI pin and the serial in
 * decimal.
 *
 * <p>Known differences from OpenSSL, on purpose: no trailing spaces; characters beyond ASCII in
 * names are shown as themselves, not as \XX escapes; extensions this app does not decode are colon
 * hex (OpenSSL prints their raw bytes); "Reasons:" of a CRL distribution point starts its own line
 * (OpenSSL 3.0 glues it to the previous one).
 */
public final class CertificateText {

  private static final DateTimeFormatter OPENSSL_TIME =
      DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss uuuu 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private CertificateText() {}

  /** The text view, lines separated by '\n' and ending with one; never null. */
  public static String render(CertificateFacts c) {
    Certificate cert = c.holder().toASN1Structure();
    StringBuilder b = new StringBuilder(4096);
    line(b, 0, "Certificate:");
    line(b, 4, "Data:");
    line(b, 8, "Version: " + c.version() + " (0x" + Integer.toHexString(c.version() - 1) + ")");
    serial(b, c.serial());
    signatureAlgorithm(b, 8, cert.getTBSCertificate().getSignature());
    line(b, 8, "Issuer: " + Names.openssl(c.holder().getIssuer()));
    line(b, 8, "Validity");
    line(b, 12, "Not Before: " + time(c.notBefore()));
    line(b, 12, "Not After : " + time(c.notAfter()));
    line(b, 8, "Subject: " + Names.openssl(c.holder().getSubject()));
    line(b, 8, "Subject Public Key Info:");
    var spki = c.holder().getSubjectPublicKeyInfo();
    line(b, 12, "Public Key Algorithm: " + OpenSsl.algorithm(spki.getAlgorithm().getAlgorithm()));
    lines(b, 16, KeyText.lines(spki));
    if (!c.extensions().isEmpty()) {
      line(b, 8, "X509v3 extensions:");
      for (ExtensionFacts e : c.extensions()) {
        line(b, 12, e.name() + ":" + (e.critical() ? " critical" : ""));
        lines(b, 16, e.lines());
      }
    }
    line(
        b,
        4,
        "Signature Algorithm: " + OpenSsl.algorithm(cert.getSignatureAlgorithm().getAlgorithm()));
    line(b, 4, "Signature Value:");
    if (isPss(cert.getSignatureAlgorithm())) {
      lines(b, 8, PssText.lines(cert.getSignatureAlgorithm().getParameters(), false));
    }
    signature(b, cert.getSignatureAlgorithm().getAlgorithm(), cert.getSignature().getBytes());
    line(b, 0, "Fingerprints and pins:");
    line(b, 4, "SHA-256 Fingerprint: " + Hex.colonize(c.sha256()).toUpperCase(Locale.ROOT));
    line(b, 4, "SHA-1 Fingerprint: " + Hex.colonize(c.sha1()).toUpperCase(Locale.ROOT));
    line(b, 4, "SPKI Pin (base64 SHA-256): " + c.publicKey().spkiSha256Base64());
    line(b, 4, "Serial Number (decimal): " + c.serial());
    return b.toString();
  }

  private static void signatureAlgorithm(StringBuilder b, int indent, AlgorithmIdentifier alg) {
    line(b, indent, "Signature Algorithm: " + OpenSsl.algorithm(alg.getAlgorithm()));
    if (isPss(alg)) {
      lines(b, indent, PssText.lines(alg.getParameters(), false));
    }
  }

  private static boolean isPss(AlgorithmIdentifier alg) {
    return alg.getAlgorithm().equals(PKCSObjectIdentifiers.id_RSASSA_PSS);
  }

  /** OpenSSL's time format: "Mar 21 13:02:57 2023 GMT". */
  public static String time(Instant t) {
    return OPENSSL_TIME.format(t);
  }

  /**
   * OpenSSL's serial line: decimal and hex on one line when the value fits a signed 64-bit long,
   * else colon hex of the magnitude on the next line, "(Negative)" first when below zero.
   */
  private static void serial(StringBuilder b, BigInteger serial) {
    BigInteger abs = serial.abs();
    boolean fitsLong = abs.bitLength() <= 63;
    boolean minusOne = serial.equals(BigInteger.ONE.negate());
    if (fitsLong && !minusOne) {
      String sign = serial.signum() < 0 ? "-" : "";
      line(b, 8, "Serial Number: " + sign + abs + " (" + sign + "0x" + abs.toString(16) + ")");
      return;
    }
    line(b, 8, "Serial Number:");
    String neg = serial.signum() < 0 ? " (Negative)" : "";
    line(b, 12, neg + Hex.colonize(Hex.lower(ExtensionLines.magnitude(serial))));
  }

  private static void signature(StringBuilder b, ASN1ObjectIdentifier alg, byte[] sig) {
    if (OpenSsl.algorithm(alg).startsWith("dsa")) {
      // OpenSSL 3 shows DSA signatures as their r and s integers.
      try {
        ASN1Sequence rs = ASN1Sequence.getInstance(sig);
        line(b, 8, "r:");
        hexBlock(b, ASN1Integer.getInstance(rs.getObjectAt(0)).getValue().toByteArray());
        line(b, 8, "s:");
        hexBlock(b, ASN1Integer.getInstance(rs.getObjectAt(1)).getValue().toByteArray());
        return;
      } catch (RuntimeException notRs) {
        b.setLength(b.lastIndexOf("Signature Value:\n") + "Signature Value:\n".length());
      }
    }
    for (String l : Hex.dumpLines(sig, 18)) {
      line(b, 8, l);
    }
  }

  private static void hexBlock(StringBuilder b, byte[] v) {
    lines(b, 12, Hex.dumpLines(v, 15));
  }

  private static void lines(StringBuilder b, int indent, List<String> lines) {
    for (String l : lines) {
      line(b, indent, l);
    }
  }

  private static void line(StringBuilder b, int indent, String text) {
    String t = text.stripTrailing();
    if (!t.isEmpty()) {
      b.append(" ".repeat(indent));
    }
    b.append(t).append('\n');
  }
}
