package dev.meshcert.core.cert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/** RSASSA-PSS parameters (RFC 4055) as OpenSSL 3 prints them under a signature or a key. */
final class PssText {

  private static final Map<String, String> HASHES =
      Map.of(
          "1.3.14.3.2.26", "sha1",
          "2.16.840.1.101.3.4.2.4", "sha224",
          "2.16.840.1.101.3.4.2.1", "sha256",
          "2.16.840.1.101.3.4.2.2", "sha384",
          "2.16.840.1.101.3.4.2.3", "sha512");

  private static final String MGF1 = "1.2.840.113549.1.1.8";

  private PssText() {}

  /** Lines for the parameters of a signature ({@code key == false}) or a PSS key. */
  static List<String> lines(ASN1Encodable params, boolean key) {
    List<String> out = new ArrayList<>();
    if (params == null || params instanceof DERNull) {
      out.add(key ? "No PSS parameter restrictions" : "(INVALID PSS PARAMETERS)");
      return out;
    }
    String hash = "sha1 (default)";
    String mask = "mgf1 with sha1 (default)";
    String salt = "14 (default)";
    String trailer = "01 (default)";
    try {
      for (ASN1Encodable e : ASN1Sequence.getInstance(params)) {
        ASN1TaggedObject t = ASN1TaggedObject.getInstance(e);
        switch (t.getTagNo()) {
          case 0 -> hash = hash(AlgorithmIdentifier.getInstance(t.getExplicitBaseObject()));
          case 1 -> mask = mask(AlgorithmIdentifier.getInstance(t.getExplicitBaseObject()));
          case 2 -> salt = integer(t);
          case 3 -> trailer = integer(t);
          default -> throw new IllegalArgumentException("unknown tag");
        }
      }
    } catch (RuntimeException e) {
      out.add("(INVALID PSS PARAMETERS)");
      return out;
    }
    if (key) {
      out.add("PSS parameter restrictions:");
    }
    out.add("Hash Algorithm: " + hash);
    out.add("Mask Algorithm: " + mask);
    // OpenSSL writes "%s Salt Length", so a signature's line starts with a space.
    out.add((key ? "Minimum" : "") + " Salt Length: 0x" + salt);
    out.add("Trailer Field: 0x" + trailer);
    return out;
  }

  private static String mask(AlgorithmIdentifier mgf) {
    String name = mgf.getAlgorithm().getId().equals(MGF1) ? "mgf1" : mgf.getAlgorithm().getId();
    String with;
    try {
      with = hash(AlgorithmIdentifier.getInstance(mgf.getParameters()));
    } catch (RuntimeException e) {
      with = "INVALID";
    }
    return name + " with " + with;
  }

  private static String integer(ASN1TaggedObject t) {
    byte[] magnitude =
        ExtensionLines.magnitude(ASN1Integer.getInstance(t.getExplicitBaseObject()).getValue());
    return Hex.lower(magnitude).toUpperCase(Locale.ROOT);
  }

  private static String hash(AlgorithmIdentifier a) {
    String id = a.getAlgorithm().getId();
    return HASHES.getOrDefault(id, id);
  }
}
