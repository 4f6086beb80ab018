package dev.meshcert.core.read;

import java.io.IOException;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.SignedData;

/** Certificates from a PKCS#7 / CMS SignedData ("certs-only" .p7b files, PEM PKCS7 blocks). */
final class Pkcs7 {

  private Pkcs7() {}

  /** Whether the DER starts like a PKCS#7 SignedData ContentInfo (cheap byte check). */
  static boolean looksLikeSignedData(byte[] b) {
    // SEQUENCE { OID 1.2.840.113549.1.7.2 ... }: find the OID bytes near the start.
    byte[] oid = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 1, 7, 2};
    if (b.length < 16 || b[0] != 0x30) {
      return false;
    }
    for (int start = 2; start <= 6 && start + oid.length <= b.length; start++) {
      if (java.util.Arrays.equals(b, start, start + oid.length, oid, 0, oid.length)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds every X.509 certificate of the SignedData to {@code into}, located as {@code prefix}
   * "certificate N". Other certificate choices and broken certificates become problems.
   */
  static void read(byte[] der, String prefix, Findings into) {
    ASN1Set certs;
    try {
      ASN1Primitive p = Der.parse(der);
      ContentInfo ci = ContentInfo.getInstance(p);
      if (!PKCSObjectIdentifiers.signedData.equals(ci.getContentType())) {
        into.problem(prefix, "PKCS#7 content is " + ci.getContentType() + ", not signedData");
        return;
      }
      certs = SignedData.getInstance(ci.getContent()).getCertificates();
    } catch (IOException | RuntimeException e) {
      into.problem(prefix, "not a PKCS#7 SignedData: " + Der.message(e));
      return;
    }
    if (certs == null || certs.size() == 0) {
      into.problem(prefix, "PKCS#7 holds no certificates");
      return;
    }
    int n = 0;
    for (ASN1Encodable e : certs) {
      n++;
      String location = (prefix.isEmpty() ? "" : prefix + " ") + "certificate " + n;
      if (!(e.toASN1Primitive() instanceof ASN1Sequence)) {
        into.problem(location, "skipped: not an X.509 certificate (other certificate format)");
        continue;
      }
      try {
        into.certificate(e.toASN1Primitive().getEncoded(), location, Map.of());
      } catch (IOException ex) {
        into.problem(location, Der.message(ex));
      }
    }
  }
}
