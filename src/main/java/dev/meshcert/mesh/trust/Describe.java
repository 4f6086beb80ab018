package dev.meshcert.mesh.trust;

import dev.meshcert.core.cert.CertificateFacts;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.stream.Collectors;

/** Short descriptions of certificates for the sentences of this package. */
final class Describe {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);
  private static final int SERIAL_DIGITS = 12;
  private static final int NAMES_LISTED = 3;

  private Describe() {}

  /** "O=cluster.local (serial 193a54…, from 2023-05-05)". */
  static String root(CertificateFacts c) {
    String name = c.subject().isEmpty() ? c.displayName() : c.subject();
    return name + " (serial " + serial(c) + ", from " + DATE.format(c.notBefore()) + ")";
  }

  static String serial(CertificateFacts c) {
    String hex = c.serialHex();
    return hex.length() > SERIAL_DIGITS ? hex.substring(0, SERIAL_DIGITS) + "…" : hex;
  }

  /** "a, b, c and 4 more". */
  static String names(Collection<String> names) {
    String shown = names.stream().limit(NAMES_LISTED).collect(Collectors.joining(", "));
    int more = names.size() - NAMES_LISTED;
    return more > 0 ? shown + " and " + more + " more" : shown;
  }

  /** "1 workload", "3 workloads". */
  static String workloads(int n) {
    return n + (n == 1 ? " workload" : " workloads");
  }
}
