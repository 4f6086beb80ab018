package dev.meshcert.core.read;

import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Reads PEM text: any number of blocks with text around them, CRLF, indented blocks (PEM inside
 * YAML), the old {@code X509 CERTIFICATE} and OpenSSL's {@code TRUSTED CERTIFICATE} headers, {@code
 * PKCS7} blocks and private keys ({@code PRIVATE KEY}, {@code RSA PRIVATE KEY}, {@code EC PRIVATE
 * KEY}, {@code DSA PRIVATE KEY}, {@code ENCRYPTED PRIVATE KEY}). Other blocks (requests, CRLs) are
 * noted as skipped. Base64 is strict, as Go's: a stray character makes the block bad. A bad block
 * never loses the others; each problem names the block and its line ("block 2 at line 40").
 * Stateless and thread-safe.
 */
public final class PemReader implements FormatReader {

  private static final List<String> CERTIFICATE_LABELS =
      List.of("CERTIFICATE", "X509 CERTIFICATE", "X.509 CERTIFICATE");

  /** From this many blocks on, certificates are decoded in parallel. */
  static final int PARALLEL_BLOCKS = 64;

  private static final List<String> KEY_LABELS =
      List.of("PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY");

  @Override
  public InputFormat format() {
    return InputFormat.PEM;
  }

  /** True when a line starts (after optional whitespace) with {@code -----BEGIN }. */
  @Override
  public boolean accepts(byte[] content) {
    return PemScanner.hasBegin(content);
  }

  @Override
  public Source read(String name, byte[] content, PasswordProvider passwords) {
    Findings found = new Findings();
    List<PemBlock> blocks = PemScanner.scan(content);
    if (blocks.isEmpty()) {
      found.problem("", "no PEM blocks found");
    }
    Findings.Decoded[] ahead = decodeAhead(blocks);
    for (int i = 0; i < blocks.size(); i++) {
      if (ahead[i] != null) {
        found.add(ahead[i], blocks.get(i).location(), Map.of());
      } else {
        read(blocks.get(i), found);
      }
    }
    return found.source(name, InputFormat.PEM);
  }

  /**
   * Certificate blocks of a large bundle decoded in parallel (decoding dominates reading); the
   * results are added in block order, so the source is the one a sequential read gives. A block
   * that is not a plain certificate, or fails in an unexpected way, is left null and read
   * sequentially.
   */
  private static Findings.Decoded[] decodeAhead(List<PemBlock> blocks) {
    Findings.Decoded[] ahead = new Findings.Decoded[blocks.size()];
    if (blocks.size() >= PARALLEL_BLOCKS) {
      IntStream.range(0, blocks.size())
          .parallel()
          .forEach(i -> ahead[i] = decodeAhead(blocks.get(i)));
    }
    return ahead;
  }

  private static Findings.Decoded decodeAhead(PemBlock block) {
    if (block.defect().isPresent()
        || block.body().isEmpty()
        || !CERTIFICATE_LABELS.contains(block.label())) {
      return null;
    }
    byte[] der;
    try {
      der = Base64.getDecoder().decode(block.body());
    } catch (IllegalArgumentException e) {
      return null;
    }
    try {
      return Findings.decode(der);
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  private static void read(PemBlock block, Findings found) {
    String location = block.location();
    if (block.defect().isPresent()) {
      found.problem(location, block.defect().get());
      return;
    }
    if (block.body().isEmpty()) {
      found.problem(location, "empty " + block.label() + " block");
      return;
    }
    byte[] der;
    try {
      der = Base64.getDecoder().decode(block.body());
    } catch (IllegalArgumentException e) {
      found.problem(location, "bad base64");
      return;
    }
    String label = block.label();
    try {
      if (CERTIFICATE_LABELS.contains(label)) {
        found.certificate(der, location, Map.of());
      } else if (label.equals("TRUSTED CERTIFICATE")) {
        trusted(der, location, found);
      } else if (label.equals("PKCS7") || label.equals("CMS")) {
        Pkcs7.read(der, location, found);
      } else if (KEY_LABELS.contains(label)) {
        key(block, der, found);
      } else if (label.equals("ENCRYPTED PRIVATE KEY")) {
        found.key(PrivateKeys.encrypted(location, "unknown"));
      } else {
        found.problem(location, "skipped: not a certificate (" + label + ")");
      }
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  /** OpenSSL's trusted certificate: the certificate, then its trust settings (ignored). */
  private static void trusted(byte[] der, String location, Findings found) {
    int length;
    try {
      length = Der.objectLength(der, 0, der.length);
    } catch (IOException e) {
      found.problem(location, "not a DER X.509 certificate: " + e.getMessage());
      return;
    }
    found.certificate(
        Arrays.copyOf(der, length),
        location,
        length < der.length
            ? Map.of("pem", "TRUSTED CERTIFICATE (trust settings not shown)")
            : Map.of("pem", "TRUSTED CERTIFICATE"));
  }

  private static void key(PemBlock block, byte[] der, Findings found) {
    String location = block.location();
    if (block.encryptedByHeaders()) {
      String label = block.label();
      String algorithm = label.equals("PRIVATE KEY") ? "unknown" : label.split(" ")[0];
      found.key(PrivateKeys.encrypted(location, algorithm));
      return;
    }
    try {
      found.key(PrivateKeys.describe(location, block.label(), der));
    } catch (IOException | RuntimeException e) {
      found.problem(location, "unreadable " + block.label() + ": " + Der.message(e));
    }
  }
}
