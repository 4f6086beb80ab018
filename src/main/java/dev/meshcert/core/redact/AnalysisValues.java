package dev.meshcert.core.redact;

import dev.meshcert.core.analysis.Analysis;
import dev.meshcert.core.analysis.CertificateReport;
import dev.meshcert.core.cert.CertificateFacts;
import java.util.Locale;

/**
 * Teaches a {@link KnownValues} book the sensitive values of an analysis: serial numbers in every
 * form they are printed in (short serials have no telling shape), key identifiers and the
 * namespaces of SPIFFE IDs. Fingerprints and PEM bodies need no teaching; {@link Redaction} knows
 * them by shape.
 */
public final class AnalysisValues {
  private AnalysisValues() {}

  /**
   * Serials with fewer decimal digits are left alone: they identify little, and masking "4097"
   * everywhere would also mask counts and percentages that happen to be equal.
   */
  public static final int MIN_SERIAL_DIGITS = 6;

  /** Learns the values of every certificate of this analysis. Safe from any thread. */
  public static void learn(Analysis analysis, KnownValues known) {
    for (CertificateReport r : analysis.certificates()) {
      CertificateFacts c = r.certificate();
      String hex = c.serialHex();
      if (c.serial().toString().length() >= MIN_SERIAL_DIGITS) {
        known.learn(Sensitive.SERIAL, hex);
        known.learn(Sensitive.SERIAL, colonHex(hex));
        known.learn(Sensitive.SERIAL, "0x" + hex);
        known.learn(Sensitive.SERIAL, c.serial().toString());
      }
      c.subjectKeyId().ifPresent(k -> known.learn(Sensitive.FINGERPRINT, colonHex(k)));
      c.authorityKeyId().ifPresent(k -> known.learn(Sensitive.FINGERPRINT, colonHex(k)));
      r.spiffeId()
          .flatMap(id -> id.kubernetes())
          .ifPresent(k -> known.learn(Sensitive.NAMESPACE, k.namespace()));
    }
  }

  private static String colonHex(String hex) {
    String h = hex.length() % 2 == 0 ? hex : "0" + hex;
    StringBuilder b = new StringBuilder(h.length() * 3 / 2);
    for (int i = 0; i < h.length(); i += 2) {
      if (i > 0) {
        b.append(':');
      }
      b.append(h, i, i + 2);
    }
    return b.toString().toUpperCase(Locale.ROOT);
  }
}
