package dev.meshcert.core.cert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test-local PEM splitter, so decoder tests do not depend on the readers: every CERTIFICATE block
 * (also X509 and TRUSTED CERTIFICATE) as DER, strict base64, empty for a block whose base64 is bad.
 */
final class PemBlocks {
  private static final Pattern BLOCK =
      Pattern.compile(
          "-----BEGIN ((?:X509 |TRUSTED )?CERTIFICATE)-----(.*?)-----END \\1-----", Pattern.DOTALL);

  private PemBlocks() {}

  static List<Optional<byte[]>> certificates(String text) {
    List<Optional<byte[]>> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      try {
        out.add(Optional.of(Base64.getDecoder().decode(m.group(2).replaceAll("\\s", ""))));
      } catch (IllegalArgumentException badBase64) {
        out.add(Optional.empty());
      }
    }
    return out;
  }

  /** The first certificate of a PEM resource, decoded by the production decoder. */
  static CertificateFacts first(String resource) throws CertificateDecodeException {
    return new CertificateDecoder().decode(certificates(text(resource)).get(0).orElseThrow());
  }

  /** A test resource as text (ISO-8859-1, so any bytes survive). */
  static String text(String resource) {
    return new String(bytes(resource), StandardCharsets.ISO_8859_1);
  }

  /** A UTF-8 test resource (JSON). */
  static String utf8(String resource) {
    return new String(bytes(resource), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String resource) {
    try (InputStream in = PemBlocks.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
