package dev.meshcert.core.cert;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A decoded X.509 certificate: every field this app shows or checks, computed once. Immutable; no
 * field is null. Made by {@link CertificateDecoder}.
 *
 * @param holder the parsed structure, kept for signature verification
 * @param sha256 lowercase hex SHA-256 of the DER encoding (the certificate's identity here)
 * @param sha1 lowercase hex SHA-1 of the DER encoding
 * @param version 1, 2 or 3
 * @param serial the serial number as encoded (it may be negative or zero in bad certificates)
 * @param subject RFC 4514 subject as pyca/cryptography writes it ({@link Names#rfc4514}), "" when
 *     the subject is an empty sequence
 * @param issuer RFC 4514 issuer, the same way, "" when empty
 * @param notBefore start of validity
 * @param notAfter end of validity (inclusive, RFC 5280)
 * @param publicKey the subject public key
 * @param signatureAlgorithm readable name such as "SHA256withECDSA" (the OID when unknown)
 * @param signatureAlgorithmOid dotted OID of the signature algorithm
 * @param extensions every extension in certificate order
 * @param subjectAltNames entries of the subjectAltName extension, in order
 * @param ca basicConstraints cA flag (false when the extension is absent)
 * @param pathLength basicConstraints pathLenConstraint when present
 * @param keyUsage keyUsage bits when the extension is present
 * @param extendedKeyUsage extendedKeyUsage purposes as names ("serverAuth") or OIDs
 * @param subjectKeyId lowercase hex key identifier
 * @param authorityKeyId lowercase hex keyIdentifier of the authorityKeyIdentifier extension
 */
public record CertificateFacts(
    X509CertificateHolder holder,
    String sha256,
    String sha1,
    int version,
    BigInteger serial,
    String subject,
    String issuer,
    Instant notBefore,
    Instant notAfter,
    PublicKeyFacts publicKey,
    String signatureAlgorithm,
    String signatureAlgorithmOid,
    List<ExtensionFacts> extensions,
    List<GeneralNameFacts> subjectAltNames,
    boolean ca,
    Optional<Integer> pathLength,
    Optional<Set<KeyUsageBit>> keyUsage,
    List<String> extendedKeyUsage,
    Optional<String> subjectKeyId,
    Optional<String> authorityKeyId) {

  public CertificateFacts {
    extensions = List.copyOf(extensions);
    subjectAltNames = List.copyOf(subjectAltNames);
    keyUsage = keyUsage.map(Set::copyOf);
    extendedKeyUsage = List.copyOf(extendedKeyUsage);
  }

  /** A copy of the DER encoding. */
  public byte[] der() {
    try {
      return holder.getEncoded();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("re-encoding a decoded certificate failed", e);
    }
  }

  /** Serial as lowercase hex of its two's-complement magnitude, without leading zeros. */
  public String serialHex() {
    return serial.toString(16);
  }

  /** Whether the subject is an empty sequence (common in SPIFFE workload certificates). */
  public boolean subjectEmpty() {
    return subject.isEmpty();
  }

  /** Subject and issuer names are equal. Self-issued does not mean self-signed. */
  public boolean selfIssued() {
    return holder.getSubject().equals(holder.getIssuer());
  }

  /**
   * Whether the signature algorithm inside the signed part equals the one outside it, as RFC 5280
   * section 4.1.1.2 requires.
   */
  public boolean signatureAlgorithmsAgree() {
    var cert = holder.toASN1Structure();
    return cert.getSignatureAlgorithm().equals(cert.getTBSCertificate().getSignature());
  }

  /** Why extensions could not be decoded, one entry per such extension; empty when all did. */
  public List<String> problems() {
    return extensions.stream().flatMap(e -> e.problem().stream()).toList();
  }

  /** The total validity period. */
  public Duration lifetime() {
    return Duration.between(notBefore, notAfter);
  }

  /** URI entries of the subjectAltName, in order. */
  public List<String> uriSans() {
    return sans(GeneralNameFacts.Type.URI);
  }

  /** DNS entries of the subjectAltName, in order. */
  public List<String> dnsSans() {
    return sans(GeneralNameFacts.Type.DNS);
  }

  /** The first URI SAN that starts with {@code spiffe://}, as written. */
  public Optional<String> spiffeUri() {
    // Loops rather than streams here and in sans(): lints call these for every certificate of
    // every chain, and a stream pipeline costs more than the one or two names it filters.
    for (GeneralNameFacts n : subjectAltNames) {
      if (n.type() == GeneralNameFacts.Type.URI
          && n.value().regionMatches(true, 0, "spiffe://", 0, 9)) {
        return Optional.of(n.value());
      }
    }
    return Optional.empty();
  }

  /** The extension with this OID, if present (the first, should it be repeated). */
  public Optional<ExtensionFacts> extension(String oid) {
    for (ExtensionFacts e : extensions) {
      if (e.oid().equals(oid)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * A short name for lists: the subject's CN, else the SPIFFE ID or first SAN, else the subject.
   */
  public String displayName() {
    String cn = commonName();
    if (!cn.isEmpty()) {
      return cn;
    }
    if (!subjectAltNames.isEmpty()) {
      return spiffeUri().orElse(subjectAltNames.get(0).value());
    }
    return subject.isEmpty() ? "(empty subject) " + serialHex() : subject;
  }

  /** The subject's first common name, or "". */
  public String commonName() {
    var rdns = holder.getSubject().getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN);
    if (rdns.length == 0 || rdns[0].getFirst() == null) {
      return "";
    }
    return org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(rdns[0].getFirst().getValue());
  }

  private List<String> sans(GeneralNameFacts.Type type) {
    List<String> values = new ArrayList<>(subjectAltNames.size());
    for (GeneralNameFacts n : subjectAltNames) {
      if (n.type() == type) {
        values.add(n.value());
      }
    }
    return List.copyOf(values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CertificateFacts other && other.sha256.equals(sha256);
  }

  @Override
  public int hashCode() {
    return sha256.hashCode();
  }

  @Override
  public String toString() {
    return "Certificate[" + displayName() + ", sha256=" + sha256.substring(0, 16) + "…]";
  }
}
