package dev.meshcert.core.cert;

import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** The names OpenSSL 3 prints for object identifiers, so our text view reads like its. */
final class OpenSsl {

  private static final Map<String, String> ATTRIBUTES =
      Map.ofEntries(
          Map.entry("2.5.4.3", "CN"),
          Map.entry("2.5.4.4", "SN"),
          Map.entry("2.5.4.5", "serialNumber"),
          Map.entry("2.5.4.6", "C"),
          Map.entry("2.5.4.7", "L"),
          Map.entry("2.5.4.8", "ST"),
          Map.entry("2.5.4.9", "street"),
          Map.entry("2.5.4.10", "O"),
          Map.entry("2.5.4.11", "OU"),
          Map.entry("2.5.4.12", "title"),
          Map.entry("2.5.4.13", "description"),
          Map.entry("2.5.4.15", "businessCategory"),
          Map.entry("2.5.4.17", "postalCode"),
          Map.entry("2.5.4.41", "name"),
          Map.entry("2.5.4.42", "GN"),
          Map.entry("2.5.4.43", "initials"),
          Map.entry("2.5.4.44", "generationQualifier"),
          Map.entry("2.5.4.45", "x500UniqueIdentifier"),
          Map.entry("2.5.4.46", "dnQualifier"),
          Map.entry("2.5.4.65", "pseudonym"),
          Map.entry("2.5.4.97", "organizationIdentifier"),
          Map.entry("1.2.840.113549.1.9.1", "emailAddress"),
          Map.entry("0.9.2342.19200300.100.1.1", "UID"),
          Map.entry("0.9.2342.19200300.100.1.25", "DC"),
          Map.entry("1.3.6.1.4.1.311.60.2.1.1", "jurisdictionL"),
          Map.entry("1.3.6.1.4.1.311.60.2.1.2", "jurisdictionST"),
          Map.entry("1.3.6.1.4.1.311.60.2.1.3", "jurisdictionC"));

  private static final Map<String, String> ALGORITHMS =
      Map.ofEntries(
          Map.entry("1.2.840.113549.1.1.1", "rsaEncryption"),
          Map.entry("1.2.840.113549.1.1.4", "md5WithRSAEncryption"),
          Map.entry("1.2.840.113549.1.1.5", "sha1WithRSAEncryption"),
          Map.entry("1.2.840.113549.1.1.10", "rsassaPss"),
          Map.entry("1.2.840.113549.1.1.11", "sha256WithRSAEncryption"),
          Map.entry("1.2.840.113549.1.1.12", "sha384WithRSAEncryption"),
          Map.entry("1.2.840.113549.1.1.13", "sha512WithRSAEncryption"),
          Map.entry("1.2.840.113549.1.1.14", "sha224WithRSAEncryption"),
          Map.entry("1.2.840.10045.2.1", "id-ecPublicKey"),
          Map.entry("1.2.840.10045.4.1", "ecdsa-with-SHA1"),
          Map.entry("1.2.840.10045.4.3.1", "ecdsa-with-SHA224"),
          Map.entry("1.2.840.10045.4.3.2", "ecdsa-with-SHA256"),
          Map.entry("1.2.840.10045.4.3.3", "ecdsa-with-SHA384"),
          Map.entry("1.2.840.10045.4.3.4", "ecdsa-with-SHA512"),
          Map.entry("1.3.101.112", "ED25519"),
          Map.entry("1.3.101.113", "ED448"),
          Map.entry("1.2.840.10040.4.1", "dsaEncryption"),
          Map.entry("1.2.840.10040.4.3", "dsaWithSHA1"),
          Map.entry("2.16.840.1.101.3.4.3.1", "dsa_with_SHA224"),
          Map.entry("2.16.840.1.101.3.4.3.2", "dsa_with_SHA256"));

  private static final Map<String, String> CURVES =
      Map.ofEntries(
          Map.entry("1.2.840.10045.3.1.1", "prime192v1"),
          Map.entry("1.3.132.0.33", "secp224r1"),
          Map.entry("1.2.840.10045.3.1.7", "prime256v1"),
          Map.entry("1.3.132.0.34", "secp384r1"),
          Map.entry("1.3.132.0.35", "secp521r1"),
          Map.entry("1.3.132.0.10", "secp256k1"),
          Map.entry("1.3.36.3.3.2.8.1.1.7", "brainpoolP256r1"),
          Map.entry("1.3.36.3.3.2.8.1.1.11", "brainpoolP384r1"),
          Map.entry("1.3.36.3.3.2.8.1.1.13", "brainpoolP512r1"));

  private static final Map<String, String> NIST_CURVES =
      Map.of(
          "1.2.840.10045.3.1.1", "P-192",
          "1.3.132.0.33", "P-224",
          "1.2.840.10045.3.1.7", "P-256",
          "1.3.132.0.34", "P-384",
          "1.3.132.0.35", "P-521");

  private static final Map<String, String> PURPOSES =
      Map.ofEntries(
          Map.entry("1.3.6.1.5.5.7.3.1", "TLS Web Server Authentication"),
          Map.entry("1.3.6.1.5.5.7.3.2", "TLS Web Client Authentication"),
          Map.entry("1.3.6.1.5.5.7.3.3", "Code Signing"),
          Map.entry("1.3.6.1.5.5.7.3.4", "E-mail Protection"),
          Map.entry("1.3.6.1.5.5.7.3.5", "IPSec End System"),
          Map.entry("1.3.6.1.5.5.7.3.6", "IPSec Tunnel"),
          Map.entry("1.3.6.1.5.5.7.3.7", "IPSec User"),
          Map.entry("1.3.6.1.5.5.7.3.8", "Time Stamping"),
          Map.entry("1.3.6.1.5.5.7.3.9", "OCSP Signing"),
          Map.entry("1.3.6.1.5.5.7.3.17", "ipsec Internet Key Exchange"),
          Map.entry("2.5.29.37.0", "Any Extended Key Usage"),
          Map.entry("1.3.6.1.4.1.311.20.2.2", "Microsoft Smartcard Login"),
          Map.entry("1.3.6.1.4.1.311.10.3.3", "Microsoft Server Gated Crypto"),
          Map.entry("1.3.6.1.4.1.311.10.3.4", "Microsoft Encrypted File System"),
          Map.entry("2.16.840.1.113730.4.1", "Netscape Server Gated Crypto"));

  private static final Map<String, String> OTHER_NAMES =
      Map.of(
          "1.3.6.1.4.1.311.20.2.3", "UPN",
          "1.3.6.1.5.5.7.8.9", "SmtpUTF8Mailbox",
          "1.3.6.1.5.5.7.8.5", "XmppAddr",
          "1.3.6.1.5.5.7.8.7", "SRVName",
          "1.3.6.1.5.5.7.8.8", "NAIRealm");

  private OpenSsl() {}

  /** Short name of a distinguished-name attribute ("CN", "emailAddress"), else the OID. */
  static String attributeName(ASN1ObjectIdentifier oid) {
    return ATTRIBUTES.getOrDefault(oid.getId(), oid.getId());
  }

  /** Name of a signature or public-key algorithm ("ecdsa-with-SHA256"), else the OID. */
  static String algorithm(ASN1ObjectIdentifier oid) {
    return ALGORITHMS.getOrDefault(oid.getId(), oid.getId());
  }

  /** OpenSSL's name of a named curve ("prime256v1"), else the OID. */
  static String curve(ASN1ObjectIdentifier oid) {
    return CURVES.getOrDefault(oid.getId(), oid.getId());
  }

  /** The NIST name of a curve ("P-256"), when it has one. */
  static Optional<String> nistCurve(ASN1ObjectIdentifier oid) {
    return Optional.ofNullable(NIST_CURVES.get(oid.getId()));
  }

  /** Long name of an extended key usage purpose, else the OID. */
  static String purpose(String oid) {
    return PURPOSES.getOrDefault(oid, oid);
  }

  /** OpenSSL's label for an otherName type ("UPN"), else the OID. */
  static String otherName(String oid) {
    return OTHER_NAMES.getOrDefault(oid, oid);
  }
}
