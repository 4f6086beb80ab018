package dev.meshcert.core.read;

/**
 * Reads PKCS#7 / CMS SignedData holding certificates (.p7b, .p7c), as DER or as PEM {@code PKCS7}
 * blocks. Only the certificates are read; signatures and content are not checked. Stateless and
 * thread-safe.
 */
public final class Pkcs7Reader implements FormatReader {

  private final PemReader pem = new PemReader();

  @Override
  public InputFormat format() {
    return InputFormat.PKCS7;
  }

  @Override
  public boolean accepts(byte[] content) {
    if (Pkcs7.looksLikeSignedData(content)) {
      return true;
    }
    String text = PemScanner.text(content);
    return (text.contains("-----BEGIN PKCS7-----") || text.contains("-----BEGIN CMS-----"))
        && pem.accepts(content);
  }

  @Override
  public Source read(String name, byte[] content, PasswordProvider passwords) {
    if (content.length > 0 && content[0] == 0x30) {
      Findings found = new Findings();
      Pkcs7.read(content, "", found);
      return found.source(name, InputFormat.PKCS7);
    }
    Source s = pem.read(name, content, passwords);
    return new Source(
        name, InputFormat.PKCS7, s.certificates(), s.keys(), s.metadata(), s.problems());
  }
}
