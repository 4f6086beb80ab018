package dev.meshcert.core.read;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads bare base64 of DER (no PEM armour), in one line or wrapped: one certificate, several
 * concatenated, or a PKCS#7 SignedData. Stateless and thread-safe.
 */
public final class Base64DerReader implements FormatReader {

  @Override
  public InputFormat format() {
    return InputFormat.BASE64_DER;
  }

  /** Only base64 characters and whitespace, decoding to the start of a SEQUENCE. */
  @Override
  public boolean accepts(byte[] content) {
    int letters = 0;
    StringBuilder head = new StringBuilder(8);
    for (byte c : content) {
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        continue;
      }
      if (!isBase64(c)) {
        return false;
      }
      letters++;
      if (head.length() < 8) {
        head.append((char) c);
      }
    }
    if (letters < 16 || head.length() < 8) {
      return false;
    }
    byte[] start = Base64.getDecoder().decode(head.toString());
    return DerReader.looksLikeDerSequence(start) || (start[0] == 0x30 && start[1] == (byte) 0x80);
  }

  private static boolean isBase64(byte c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '+'
        || c == '/'
        || c == '=';
  }

  @Override
  public Source read(String name, byte[] content, PasswordProvider passwords) {
    Findings found = new Findings();
    String text = new String(content, StandardCharsets.ISO_8859_1).replaceAll("\\s+", "");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      found.problem("", "bad base64");
      return found.source(name, InputFormat.BASE64_DER);
    }
    if (Pkcs7.looksLikeSignedData(der)) {
      Pkcs7.read(der, "", found);
    } else {
      DerReader.readInto(der, found);
    }
    return found.source(name, InputFormat.BASE64_DER);
  }
}
