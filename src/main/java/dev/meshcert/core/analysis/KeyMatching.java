package dev.meshcert.core.analysis;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.read.CertificateEntry;
import dev.meshcert.core.read.KeyEntry;
import dev.meshcert.core.read.Source;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches private keys to certificates across sources read together: a key in {@code tls.key} finds
 * its certificate in {@code tls.crt}. A certificate in the key's own source wins over one
 * elsewhere; otherwise the first certificate read with that public key.
 */
final class KeyMatching {

  private KeyMatching() {}

  static List<Source> match(List<Source> sources) {
    Map<String, String> firstBySpki = new HashMap<>();
    for (Source s : sources) {
      for (CertificateEntry e : s.certificates()) {
        firstBySpki.putIfAbsent(spkiSha256(e.certificate()), e.certificate().sha256());
      }
    }
    List<Source> out = new ArrayList<>(sources.size());
    for (Source s : sources) {
      out.add(s.keys().isEmpty() ? s : matched(s, firstBySpki));
    }
    return out;
  }

  private static Source matched(Source s, Map<String, String> firstBySpki) {
    Map<String, String> local = new HashMap<>();
    for (CertificateEntry e : s.certificates()) {
      local.putIfAbsent(spkiSha256(e.certificate()), e.certificate().sha256());
    }
    List<KeyEntry> keys = new ArrayList<>(s.keys().size());
    for (KeyEntry k : s.keys()) {
      Optional<String> cert =
          k.publicKeySha256().map(p -> local.getOrDefault(p, firstBySpki.get(p)));
      keys.add(cert.map(k::matchedTo).orElse(k));
    }
    return new Source(s.name(), s.format(), s.certificates(), keys, s.metadata(), s.problems());
  }

  /** Lowercase hex SHA-256 of the certificate's SubjectPublicKeyInfo, as keys carry it. */
  static String spkiSha256(CertificateFacts c) {
    return HexFormat.of().formatHex(Base64.getDecoder().decode(c.publicKey().spkiSha256Base64()));
  }
}
