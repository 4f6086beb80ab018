package dev.meshcert.core.read;

import dev.meshcert.core.cert.Hex;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches private keys to certificates by public key: a key matches a certificate when the SHA-256
 * of the SubjectPublicKeyInfo derived from the key equals that of the certificate. A certificate in
 * the key's own source is preferred, then the first in input order.
 */
public final class KeyMatcher {

  private KeyMatcher() {}

  /** The source with each key matched to a certificate of the same source, when one matches. */
  public static Source match(Source source) {
    return match(List.of(source)).get(0);
  }

  /**
   * The sources with every key matched to a certificate of any of them (keys and certificates are
   * often in different files: {@code tls.key} beside {@code tls.crt}). Order is kept.
   */
  public static List<Source> match(List<Source> sources) {
    if (sources.stream().allMatch(s -> s.keys().isEmpty())) {
      return new ArrayList<>(sources); // nothing to match: skip hashing every certificate's key
    }
    Map<String, String> everywhere = new LinkedHashMap<>();
    for (Source s : sources) {
      index(s).forEach(everywhere::putIfAbsent);
    }
    List<Source> out = new ArrayList<>(sources.size());
    for (Source s : sources) {
      if (s.keys().isEmpty()) {
        out.add(s);
        continue;
      }
      Map<String, String> local = index(s);
      List<KeyEntry> keys = new ArrayList<>();
      for (KeyEntry k : s.keys()) {
        String cert =
            k.publicKeySha256()
                .map(spki -> local.getOrDefault(spki, everywhere.get(spki)))
                .orElse(null);
        keys.add(cert == null ? k : k.matchedTo(cert));
      }
      out.add(new Source(s.name(), s.format(), s.certificates(), keys, s.metadata(), s.problems()));
    }
    return out;
  }

  /** The hex SHA-256 of the certificate's SubjectPublicKeyInfo (the key identity of a match). */
  public static String spkiSha256(CertificateEntry entry) {
    return Hex.lower(
        Base64.getDecoder().decode(entry.certificate().publicKey().spkiSha256Base64()));
  }

  private static Map<String, String> index(Source s) {
    Map<String, String> bySpki = new LinkedHashMap<>();
    for (CertificateEntry c : s.certificates()) {
      bySpki.putIfAbsent(spkiSha256(c), c.certificate().sha256());
    }
    return bySpki;
  }
}
