package dev.meshcert.core.cert;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** The "Subject Public Key Info" block of {@code openssl x509 -text}, without its indentation. */
final class KeyText {

  private static final String HEX_INDENT = "    ";

  private KeyText() {}

  /** Lines after "Public Key Algorithm: ...", relative to that line's indentation + 4. */
  static List<String> lines(SubjectPublicKeyInfo spki) {
    ASN1ObjectIdentifier alg = spki.getAlgorithm().getAlgorithm();
    List<String> out = new ArrayList<>();
    try {
      if (alg.equals(PKCSObjectIdentifiers.rsaEncryption)
          || alg.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
        RSAPublicKey rsa = RSAPublicKey.getInstance(spki.parsePublicKey());
        out.add("Public-Key: (" + rsa.getModulus().bitLength() + " bit)");
        out.add("Modulus:");
        hex(out, rsa.getModulus().toByteArray());
        BigInteger e = rsa.getPublicExponent();
        out.add("Exponent: " + e + " (0x" + e.toString(16) + ")");
        if (alg.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
          out.addAll(PssText.lines(spki.getAlgorithm().getParameters(), true));
        }
      } else if (alg.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
        ec(out, spki);
      } else if (alg.equals(EdECObjectIdentifiers.id_Ed25519)
          || alg.equals(EdECObjectIdentifiers.id_Ed448)) {
        out.add(OpenSsl.algorithm(alg) + " Public-Key:");
        out.add("pub:");
        hex(out, spki.getPublicKeyData().getBytes());
      } else if (alg.equals(X9ObjectIdentifiers.id_dsa)) {
        dsa(out, spki);
      } else {
        out.add("Unable to load Public Key");
        hex(out, spki.getPublicKeyData().getBytes());
      }
    } catch (java.io.IOException | RuntimeException e) {
      out.clear();
      out.add("Unable to decode the public key: " + e.getMessage());
      hex(out, spki.getPublicKeyData().getBytes());
    }
    return out;
  }

  private static void ec(List<String> out, SubjectPublicKeyInfo spki) {
    X962Parameters params = X962Parameters.getInstance(spki.getAlgorithm().getParameters());
    byte[] point = spki.getPublicKeyData().getBytes();
    if (params.isNamedCurve()) {
      ASN1ObjectIdentifier curve = ASN1ObjectIdentifier.getInstance(params.getParameters());
      X9ECParameters p = ECNamedCurveTable.getByOID(curve);
      out.add("Public-Key: (" + (p == null ? 0 : p.getN().bitLength()) + " bit)");
      out.add("pub:");
      hex(out, point);
      out.add("ASN1 OID: " + OpenSsl.curve(curve));
      OpenSsl.nistCurve(curve).ifPresent(n -> out.add("NIST CURVE: " + n));
      return;
    }
    X9ECParameters p = X9ECParameters.getInstance(params.getParameters());
    out.add("Public-Key: (" + p.getN().bitLength() + " bit)");
    out.add("pub:");
    hex(out, point);
    out.add("Field Type: prime-field");
    out.add("Prime:");
    hex(out, p.getCurve().getField().getCharacteristic().toByteArray());
    out.add("A:   ");
    hex(out, p.getCurve().getA().toBigInteger().toByteArray());
    out.add("B:   ");
    hex(out, p.getCurve().getB().toBigInteger().toByteArray());
    out.add("Generator (uncompressed):");
    hex(out, p.getG().getEncoded(false));
    out.add("Order: ");
    hex(out, p.getN().toByteArray());
    BigInteger h = p.getH();
    out.add("Cofactor:  " + h + " (0x" + h.toString(16) + ")");
    if (p.getSeed() != null) {
      out.add("Seed:");
      hex(out, p.getSeed());
    }
  }

  private static void dsa(List<String> out, SubjectPublicKeyInfo spki) throws java.io.IOException {
    BigInteger y = ASN1Integer.getInstance(spki.parsePublicKey()).getValue();
    ASN1Sequence params = ASN1Sequence.getInstance(spki.getAlgorithm().getParameters());
    BigInteger[] pqg = new BigInteger[3];
    for (int i = 0; i < 3 && params != null; i++) {
      pqg[i] = ASN1Integer.getInstance(params.getObjectAt(i)).getValue();
    }
    out.add("Public-Key: (" + (pqg[0] == null ? y.bitLength() : pqg[0].bitLength()) + " bit)");
    out.add("pub: ");
    hex(out, y.toByteArray());
    String[] labels = {"P:   ", "Q:   ", "G:   "};
    for (int i = 0; i < 3 && pqg[i] != null; i++) {
      out.add(labels[i]);
      hex(out, pqg[i].toByteArray());
    }
  }

  /** Lowercase colon hex, 15 bytes a line, indented four more than the label. */
  private static void hex(List<String> out, byte[] b) {
    for (String line : Hex.dumpLines(b, 15)) {
      out.add(HEX_INDENT + line);
    }
  }
}
