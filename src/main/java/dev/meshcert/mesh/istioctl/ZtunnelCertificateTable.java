package dev.meshcert.mesh.istioctl;

import dev.meshcert.mesh.ztunnel.ZtunnelCert;
import dev.meshcert.mesh.ztunnel.ZtunnelCertificate;
import dev.meshcert.mesh.ztunnel.ZtunnelDump;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The table {@code istioctl ztunnel-config certificates} prints, value for value. Like istioctl it
 * takes VALID CERT, NOT AFTER and NOT BEFORE from ztunnel's JSON metadata, not from the PEM; the
 * rows also carry the PEM's verdict, and {@link #disagreements} lists where the two differ.
 */
public final class ZtunnelCertificateTable {

  private static final String HEADER =
      "CERTIFICATE NAME\tTYPE\tSTATUS\tVALID CERT\tSERIAL NUMBER\tNOT AFTER\tNOT BEFORE\n";
  private static final String NA = "NA";

  private ZtunnelCertificateTable() {}

  /** The rows, in istioctl's order. */
  public static List<ZtunnelRow> rows(ZtunnelDump dump, Instant at) {
    List<ZtunnelRow> rows = new ArrayList<>();
    for (ZtunnelCertificate c : dump.certificates()) {
      if (c.chain().isEmpty()) {
        rows.add(
            new ZtunnelRow(
                c.identity(), NA, c.shortState(), false, NA, NA, NA, Optional.empty(), List.of()));
        continue;
      }
      for (ZtunnelCert element : c.all()) {
        rows.add(row(c, element, at));
      }
    }
    return rows;
  }

  /** {@code istioctl ztunnel-config certificates} output. */
  public static String render(ZtunnelDump dump, Instant at) {
    StringBuilder text = new StringBuilder(HEADER);
    for (ZtunnelRow r : rows(dump, at)) {
      text.append(
          String.join(
              "\t",
              r.name(),
              r.type(),
              r.status(),
              Boolean.toString(r.valid()),
              r.serialNumber(),
              r.notAfter(),
              r.notBefore()));
      text.append('\n');
    }
    return new TabWriter(0, 5).format(text.toString());
  }

  /** One line per row where the PEM disagrees with the metadata istioctl shows. */
  public static List<String> disagreements(ZtunnelDump dump, Instant at) {
    return rows(dump, at).stream()
        .filter(ZtunnelRow::disagrees)
        .map(
            r ->
                r.name()
                    + " "
                    + r.type()
                    + " "
                    + r.serialNumber()
                    + ": istioctl shows VALID CERT "
                    + r.valid()
                    + " from the JSON metadata, the PEM gives "
                    + r.pemValid().map(String::valueOf).orElse("nothing")
                    + (r.mismatches().isEmpty()
                        ? ""
                        : " (" + String.join("; ", r.mismatches()) + ")"))
        .toList();
  }

  private static ZtunnelRow row(ZtunnelCertificate c, ZtunnelCert e, Instant at) {
    Optional<Boolean> pemValid =
        e.certificates().stream()
            .findFirst()
            .map(cert -> GoFormat.strictlyBetween(at, cert.notBefore(), cert.notAfter()));
    return new ZtunnelRow(
        c.identity(),
        e.role().label(),
        c.shortState(),
        metadataValid(e, at),
        e.serialNumber().map(ZtunnelCertificateTable::hexSerial).orElse(NA),
        e.expirationTime().filter(s -> !s.isEmpty()).orElse(NA),
        e.validFrom().filter(s -> !s.isEmpty()).orElse(NA),
        pemValid,
        e.mismatches());
  }

  /** istioctl's {@code certNotExpired}: false when a time is absent or unparseable. */
  private static boolean metadataValid(ZtunnelCert e, Instant at) {
    Optional<Instant> from = e.validFrom().flatMap(ZtunnelCertificateTable::instant);
    Optional<Instant> to = e.expirationTime().flatMap(ZtunnelCertificateTable::instant);
    return from.isPresent() && to.isPresent() && GoFormat.strictlyBetween(at, from.get(), to.get());
  }

  private static Optional<Instant> instant(String rfc3339) {
    try {
      return Optional.of(OffsetDateTime.parse(rfc3339).toInstant());
    } catch (DateTimeParseException ex) {
      return Optional.empty();
    }
  }

  private static String hexSerial(String decimal) {
    try {
      return GoFormat.hex(new BigInteger(decimal.strip()));
    } catch (NumberFormatException ex) {
      return decimal;
    }
  }
}
