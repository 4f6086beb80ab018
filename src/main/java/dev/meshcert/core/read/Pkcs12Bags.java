package dev.meshcert.core.read;

import dev.meshcert.core.cert.Hex;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.CertBag;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/** Walks PKCS#12 SafeContents: certificate bags, key bags, shrouded key bags, nested contents. */
final class Pkcs12Bags {

  /** Decrypts with the password found for the file. */
  interface Decryptor {
    byte[] decrypt(AlgorithmIdentifier algorithm, byte[] data) throws IOException;
  }

  private static final int MAX_NESTING = 4;

  private final Findings found;
  private final Decryptor decryptor;
  private int bags;

  /**
   * @param decryptor null when no password is known
   */
  Pkcs12Bags(Findings found, Decryptor decryptor) {
    this.found = found;
    this.decryptor = decryptor;
  }

  void safeContents(byte[] der, int depth) throws IOException {
    ASN1Sequence seq = ASN1Sequence.getInstance(Der.parse(der));
    for (ASN1Encodable e : seq) {
      String location = "bag " + (++bags);
      try {
        bag(SafeBag.getInstance(e), location, depth);
      } catch (IOException | RuntimeException ex) {
        found.problem(location, Der.message(ex));
      }
    }
  }

  private void bag(SafeBag bag, String location, int depth) throws IOException {
    Map<String, String> ctx = attributes(bag.getBagAttributes());
    var id = bag.getBagId();
    if (id.equals(PKCSObjectIdentifiers.certBag)) {
      CertBag cb = CertBag.getInstance(bag.getBagValue());
      if (!cb.getCertId().equals(PKCSObjectIdentifiers.x509Certificate)) {
        found.problem(location, "skipped: not an X.509 certificate (" + cb.getCertId() + ")");
        return;
      }
      found.certificate(ASN1OctetString.getInstance(cb.getCertValue()).getOctets(), location, ctx);
    } else if (id.equals(PKCSObjectIdentifiers.keyBag)) {
      found.key(
          PrivateKeys.describe(
              keyLocation(location, ctx), PrivateKeyInfo.getInstance(bag.getBagValue())));
    } else if (id.equals(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag)) {
      shrouded(EncryptedPrivateKeyInfo.getInstance(bag.getBagValue()), keyLocation(location, ctx));
    } else if (id.equals(PKCSObjectIdentifiers.safeContentsBag)) {
      if (depth >= MAX_NESTING) {
        found.problem(location, "safe contents nested deeper than " + MAX_NESTING + " levels");
        return;
      }
      safeContents(bag.getBagValue().toASN1Primitive().getEncoded(), depth + 1);
    } else if (id.equals(PKCSObjectIdentifiers.crlBag)) {
      found.problem(location, "skipped: not a certificate (CRL)");
    } else {
      found.problem(location, "skipped: not a certificate (" + id.getId() + ")");
    }
  }

  private void shrouded(EncryptedPrivateKeyInfo info, String location) throws IOException {
    if (decryptor == null) {
      found.key(PrivateKeys.encrypted(location, "unknown"));
      return;
    }
    byte[] plain;
    try {
      plain = decryptor.decrypt(info.getEncryptionAlgorithm(), info.getEncryptedData());
    } catch (IOException e) {
      found.key(PrivateKeys.encrypted(location, "unknown"));
      found.problem(location, "key not decrypted: " + e.getMessage());
      return;
    }
    try {
      found.key(PrivateKeys.describe(location, PrivateKeyInfo.getInstance(Der.parse(plain))));
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  private static String keyLocation(String location, Map<String, String> ctx) {
    String name = ctx.get("friendlyName");
    return name == null ? location : location + " \"" + name + "\"";
  }

  private static Map<String, String> attributes(ASN1Set attrs) {
    Map<String, String> ctx = new LinkedHashMap<>();
    if (attrs == null) {
      return ctx;
    }
    for (ASN1Encodable e : attrs) {
      Attribute a = Attribute.getInstance(e);
      if (a.getAttrValues().size() == 0) {
        continue;
      }
      ASN1Encodable v = a.getAttrValues().getObjectAt(0);
      if (a.getAttrType().equals(PKCSObjectIdentifiers.pkcs_9_at_friendlyName)
          && v instanceof ASN1String s) {
        ctx.put("friendlyName", s.getString());
      } else if (a.getAttrType().equals(PKCSObjectIdentifiers.pkcs_9_at_localKeyId)
          && v instanceof ASN1OctetString o) {
        ctx.put("localKeyId", Hex.lower(o.getOctets()));
      }
    }
    return ctx;
  }
}
