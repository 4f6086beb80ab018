package dev.meshcert.core.cert;

import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * The authorityKeyIdentifier extension (RFC 5280 section 4.2.1.1), parsed without Bouncy Castle's
 * rule that issuer and serial come together: real certificates break it, and the key identifier
 * still matters for chain building.
 */
record AuthorityKeyId(
    Optional<byte[]> keyId, Optional<GeneralNames> issuer, Optional<BigInteger> serial) {

  /** Parses the extension value; throws IllegalArgumentException when it is not the structure. */
  static AuthorityKeyId parse(ASN1Encodable value) {
    Optional<byte[]> keyId = Optional.empty();
    Optional<GeneralNames> issuer = Optional.empty();
    Optional<BigInteger> serial = Optional.empty();
    for (ASN1Encodable e : ASN1Sequence.getInstance(value)) {
      ASN1TaggedObject t = ASN1TaggedObject.getInstance(e);
      switch (t.getTagNo()) {
        case 0 -> keyId = Optional.of(ASN1OctetString.getInstance(t, false).getOctets());
        case 1 -> issuer = Optional.of(GeneralNames.getInstance(t, false));
        case 2 -> serial = Optional.of(ASN1Integer.getInstance(t, false).getValue());
        default -> throw new IllegalArgumentException("unknown tag [" + t.getTagNo() + "]");
      }
    }
    return new AuthorityKeyId(keyId, issuer, serial);
  }
}
