package dev.meshcert.mesh.istioctl;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.chain.SignatureVerifier;
import dev.meshcert.mesh.envoy.EnvoySecret;
import dev.meshcert.mesh.envoy.SecretPart;
import dev.meshcert.mesh.envoy.SecretsDump;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies each certificate chain of a config dump against the dump's roots: the certificates of
 * the secret named {@code ROOTCA}, or when there is none, of every trusted CA and SPIFFE bundle in
 * the dump. A signature check link by link plus validity at one instant; the general path
 * validation (name constraints, key usage, path length) belongs to core's chain checks.
 */
public final class RootCaVerification {

  /** The secret Istio puts its mesh roots in. */
  public static final String ROOT_SECRET = "ROOTCA";

  private RootCaVerification() {}

  /** One verdict per certificate chain in the dump, in dump order. */
  public static List<ChainVerdict> verify(SecretsDump dump, Instant at) {
    return verify(dump, at, new SignatureVerifier());
  }

  /** The same, sharing a session's signature cache. */
  public static List<ChainVerdict> verify(
      SecretsDump dump, Instant at, SignatureVerifier verifier) {
    List<CertificateFacts> roots = roots(dump);
    List<ChainVerdict> verdicts = new ArrayList<>();
    for (EnvoySecret secret : dump.secrets()) {
      for (SecretPart part : secret.parts()) {
        if (part.kind() == SecretPart.Kind.CERT_CHAIN && !part.certificates().isEmpty()) {
          verdicts.add(verdict(secret, part.certificates(), roots, at, verifier));
        }
      }
    }
    return verdicts;
  }

  /** The roots chains are verified against. */
  public static List<CertificateFacts> roots(SecretsDump dump) {
    List<EnvoySecret> named =
        dump.secrets().stream().filter(s -> s.name().equals(ROOT_SECRET)).toList();
    List<EnvoySecret> from = named.isEmpty() ? dump.secrets() : named;
    return from.stream()
        .flatMap(s -> s.parts().stream())
        .filter(p -> p.kind() != SecretPart.Kind.CERT_CHAIN)
        .flatMap(p -> p.certificates().stream())
        .distinct()
        .toList();
  }

  private static ChainVerdict verdict(
      EnvoySecret secret,
      List<CertificateFacts> chain,
      List<CertificateFacts> roots,
      Instant at,
      SignatureVerifier verifier) {
    String status = secret.status().name();
    for (int i = 0; i + 1 < chain.size(); i++) {
      if (!verifier.verifies(chain.get(i), chain.get(i + 1))) {
        String reason =
            "certificate " + (i + 1) + " is not signed by certificate " + (i + 2) + " of the chain";
        return new ChainVerdict(
            secret.name(), status, chain, Optional.empty(), false, false, reason);
      }
    }
    CertificateFacts top = chain.get(chain.size() - 1);
    Optional<CertificateFacts> anchor =
        roots.stream().filter(r -> r.equals(top) || verifier.verifies(top, r)).findFirst();
    if (anchor.isEmpty()) {
      String reason =
          roots.isEmpty()
              ? "the dump has no root certificate to verify against"
              : "no root in "
                  + ROOT_SECRET
                  + " signed the top of the chain (issuer "
                  + top.issuer()
                  + ")";
      return new ChainVerdict(secret.name(), status, chain, anchor, false, false, reason);
    }
    Optional<String> invalid = firstInvalid(chain, anchor.get(), at);
    String reason =
        "signatures verify to root "
            + describe(anchor.get())
            + invalid.map(s -> ", but " + s).orElse(" and every certificate is valid at " + at);
    return new ChainVerdict(secret.name(), status, chain, anchor, true, invalid.isEmpty(), reason);
  }

  private static Optional<String> firstInvalid(
      List<CertificateFacts> chain, CertificateFacts anchor, Instant at) {
    List<CertificateFacts> all = new ArrayList<>(chain);
    if (!all.contains(anchor)) {
      all.add(anchor);
    }
    for (int i = 0; i < all.size(); i++) {
      CertificateFacts c = all.get(i);
      String which = i < chain.size() ? "certificate " + (i + 1) : "the root";
      if (at.isAfter(c.notAfter())) {
        return Optional.of(which + " expired " + GoFormat.rfc3339(c.notAfter()));
      }
      if (at.isBefore(c.notBefore())) {
        return Optional.of(which + " is not valid before " + GoFormat.rfc3339(c.notBefore()));
      }
    }
    return Optional.empty();
  }

  private static String describe(CertificateFacts root) {
    return (root.subject().isEmpty() ? "(empty subject)" : root.subject())
        + " (serial "
        + root.serialHex()
        + ")";
  }
}
