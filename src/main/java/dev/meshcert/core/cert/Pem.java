package dev.meshcert.core.cert;

import java.util.Base64;

/** PEM text (RFC 7468): base64 in lines of 64 characters between BEGIN and END lines. */
public final class Pem {
  private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(64, new byte[] {'\n'});

  private Pem() {}

  /** A CERTIFICATE block for this DER, ending with a newline; never null. */
  public static String encode(byte[] der) {
    return encode("CERTIFICATE", der);
  }

  /** A block with this label ("CERTIFICATE", "PUBLIC KEY"), ending with a newline. */
  public static String encode(String label, byte[] der) {
    StringBuilder b = new StringBuilder(der.length * 4 / 3 + 80);
    b.append("-----BEGIN ").append(label).append("-----\n");
    if (der.length > 0) {
      b.append(ENCODER.encodeToString(der)).append('\n');
    }
    return b.append("-----END ").append(label).append("-----\n").toString();
  }
}
