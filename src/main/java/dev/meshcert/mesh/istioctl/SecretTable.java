package dev.meshcert.mesh.istioctl;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.mesh.envoy.EnvoySecret;
import dev.meshcert.mesh.envoy.SecretPart;
import dev.meshcert.mesh.envoy.SecretStatus;
import dev.meshcert.mesh.envoy.SecretsDump;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The table {@code istioctl proxy-config secret} prints for an Envoy config dump, value for value:
 * warming secrets then active ones (static secrets are not shown by istioctl either); per secret
 * the first certificate of its chain, else of its trusted CA, plus one row per SPIFFE validator
 * trust domain; TYPE from that certificate's CA flag; a TRUST DOMAIN column only when the dump has
 * SPIFFE validator bundles. Unlike istioctl it also reads {@code inline_string} data. VALID CERT is
 * computed at the instant given, never at the wall clock.
 */
public final class SecretTable {

  private static final String HEADER =
      "RESOURCE NAME\tTYPE\tSTATUS\tVALID CERT\tSERIAL NUMBER\tNOT AFTER\tNOT BEFORE";

  private SecretTable() {}

  /** The rows, in istioctl's order. */
  public static List<SecretRow> rows(SecretsDump dump, Instant at) {
    List<SecretRow> rows = new ArrayList<>();
    for (SecretStatus status : List.of(SecretStatus.WARMING, SecretStatus.ACTIVE)) {
      dump.secrets().stream()
          .filter(s -> s.status() == status)
          .forEach(s -> rows.addAll(rows(s, at)));
    }
    return rows;
  }

  /** {@code istioctl proxy-config secret} output. */
  public static String render(SecretsDump dump, Instant at) {
    return render(dump, at, "");
  }

  /**
   * The output with a prefix on each resource name: {@code "secret/"} gives the secret section of
   * {@code istioctl proxy-config all}.
   */
  public static String render(SecretsDump dump, Instant at, String namePrefix) {
    boolean none = dump.secrets().stream().noneMatch(s -> s.status() != SecretStatus.STATIC);
    if (none) {
      return "No active or warming secrets found.\n";
    }
    List<SecretRow> rows = rows(dump, at);
    boolean trustDomains = dump.secrets().stream().anyMatch(SecretTable::hasBundles);
    StringBuilder text = new StringBuilder(HEADER).append(trustDomains ? "\tTRUST DOMAIN\n" : "\n");
    for (SecretRow r : rows) {
      text.append(namePrefix + r.resourceName())
          .append('\t')
          .append(r.type())
          .append('\t')
          .append(r.status())
          .append('\t')
          .append(r.valid())
          .append('\t')
          .append(r.serialNumber())
          .append('\t')
          .append(r.notAfter())
          .append('\t')
          .append(r.notBefore())
          .append(trustDomains ? "\t" + r.trustDomain() : "")
          .append('\n');
    }
    return new TabWriter(0, 5).format(text.toString());
  }

  private static boolean hasBundles(EnvoySecret secret) {
    return secret.parts().stream().anyMatch(p -> p.kind() == SecretPart.Kind.SPIFFE_BUNDLE);
  }

  private static List<SecretRow> rows(EnvoySecret secret, Instant at) {
    String status =
        secret.status() == SecretStatus.ACTIVE
                && secret.versionInfo().filter("uninitialized"::equals).isPresent()
            ? "UNINITIALIZED"
            : secret.status().name();
    List<SecretRow> rows = new ArrayList<>();
    firstWithCertificates(secret, SecretPart.Kind.CERT_CHAIN)
        .or(() -> firstWithCertificates(secret, SecretPart.Kind.TRUSTED_CA))
        .ifPresent(p -> rows.add(row(secret.name(), status, p, at)));
    secret.parts().stream()
        .filter(p -> p.kind() == SecretPart.Kind.SPIFFE_BUNDLE && !p.certificates().isEmpty())
        .forEach(p -> rows.add(row(secret.name(), status, p, at)));
    if (rows.isEmpty()) {
      rows.add(new SecretRow(secret.name(), "", status, false, "", "", "", ""));
    }
    return rows;
  }

  private static Optional<SecretPart> firstWithCertificates(
      EnvoySecret secret, SecretPart.Kind kind) {
    return secret.parts().stream()
        .filter(p -> p.kind() == kind && !p.certificates().isEmpty())
        .findFirst();
  }

  private static SecretRow row(String name, String status, SecretPart part, Instant at) {
    CertificateFacts first = part.certificates().get(0);
    return new SecretRow(
        name,
        first.ca() ? "CA" : "Cert Chain",
        status,
        GoFormat.strictlyBetween(at, first.notBefore(), first.notAfter()),
        GoFormat.hex32(first.serial()),
        GoFormat.rfc3339(first.notAfter()),
        GoFormat.rfc3339(first.notBefore()),
        part.trustDomain().or(() -> spiffeTrustDomain(first)).orElse(""));
  }

  private static Optional<String> spiffeTrustDomain(CertificateFacts cert) {
    return cert.spiffeUri()
        .map(u -> u.substring("spiffe://".length()))
        .map(rest -> rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
  }
}
