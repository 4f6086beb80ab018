package dev.meshcert.core.read;

import static dev.meshcert.core.read.Inputs.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.testpki.TestPki;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile and broken input: a clear problem, never an exception, a hang or a stack overflow. */
class BadInputTest {

  private static final TestPki PKI = new TestPki();
  private static final TestPki.Issued ROOT = PKI.root("CN=Root").issue();

  private final InputReader reader = InputReader.standard();

  private Source read(byte[] content) {
    Source s = reader.read("bad", content, PasswordProvider.none());
    assertFalse(s.problems().isEmpty(), "a problem should be reported");
    return s;
  }

  /** Random bytes, plain and behind each format's magic so that every reader is exercised. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomBytesGiveAProblem(int seed) {
    Random random = new Random(seed);
    byte[][] prefixes = {
      {},
      {0x30, (byte) 0x82},
      {0x30, (byte) 0x82, 0x01, 0x00, 0x02, 0x01, 0x03, 0x30},
      {(byte) 0xFE, (byte) 0xED, (byte) 0xFE, (byte) 0xED, 0, 0, 0, 2},
      {(byte) 0xCE, (byte) 0xCE, (byte) 0xCE, (byte) 0xCE, 0, 0, 0, 2},
      utf8("-----BEGIN CERTIFICATE-----\n"),
      utf8("apiVersion: v1\nkind: Secret\n"),
    };
    for (byte[] prefix : prefixes) {
      byte[] content = Arrays.copyOf(prefix, prefix.length + 1 + random.nextInt(5000));
      byte[] tail = new byte[content.length - prefix.length];
      random.nextBytes(tail);
      System.arraycopy(tail, 0, content, prefix.length, tail.length);
      Source s = read(content);
      assertTrue(s.certificates().isEmpty());
    }
  }

  @Test
  void truncatedDerAtEveryLengthGivesAProblem() {
    byte[] der = ROOT.der();
    for (int n = 1; n < der.length; n++) {
      Source s = read(Arrays.copyOf(der, n));
      assertTrue(s.certificates().isEmpty(), "length " + n);
    }
  }

  @Test
  void absurdLengthIsReportedNotAllocated() {
    byte[] content = {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 2, 1, 0};
    Source s = read(content);
    assertEquals(InputFormat.DER, s.format());
    assertTrue(s.problems().get(0).message().contains("goes beyond the end"), s::summary);
  }

  @Test
  void deepDefiniteNestingIsRefused() {
    Source s = read(nestedDefinite(100_000));
    assertTrue(s.problems().get(0).message().contains("nested deeper than 64"), s::summary);
  }

  @Test
  void deepIndefiniteNestingIsRefused() {
    int depth = 1_000_000;
    byte[] content = new byte[depth * 4];
    for (int i = 0; i < depth; i++) {
      content[i * 2] = 0x30;
      content[i * 2 + 1] = (byte) 0x80;
    }
    Source s = read(utf8(Inputs.pem("CERTIFICATE", content)));
    assertTrue(s.problems().get(0).message().contains("nested deeper than 64"), s::summary);
  }

  @ParameterizedTest
  @ValueSource(strings = {"CERTIFICATE", "PKCS7", "PRIVATE KEY", "TRUSTED CERTIFICATE"})
  void deepNestingInsidePemIsAProblemOfThatBlock(String label) {
    String text = Inputs.pem(label, nestedDefinite(10_000)) + ROOT.pem();
    Source s = read(utf8(text));
    assertEquals(1, s.certificates().size());
    assertEquals("block 1 at line 1", s.problems().get(0).location());
  }

  @Test
  void yamlAliasBombIsRefused() {
    StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\n");
    yaml.append("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    Source s = read(utf8(yaml.toString()));
    assertTrue(s.problems().get(0).message().startsWith("not valid YAML"), s::summary);
  }

  @Test
  void deeplyNestedJsonIsRefused() {
    String json =
        "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"data\": "
            + "[".repeat(100_000)
            + "]".repeat(100_000)
            + "}";
    Source s = read(utf8(json));
    assertTrue(s.problems().get(0).message().startsWith("not valid JSON"), s::summary);
  }

  @Test
  void deeplyNestedYamlIsRefused() {
    String yaml = "apiVersion: v1\nkind: Secret\ndata: " + "[".repeat(10_000) + "]".repeat(10_000);
    Source s = read(utf8(yaml));
    assertTrue(s.problems().get(0).message().startsWith("not valid YAML"), s::summary);
  }

  @Test
  void truncatedPkcs12IsAProblem() {
    byte[] p12 = Corpus.bytes("pyca-cryptography-vectors/pkcs12/no-password.p12");
    Source s = read(Arrays.copyOf(p12, p12.length - 100));
    assertEquals(InputFormat.PKCS12, s.format());
    assertTrue(s.problems().get(0).message().startsWith("not a readable PKCS#12 file"));
  }

  @Test
  void binaryJunkIsDescribedWithAHint() {
    Source s = read(new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
    assertEquals(
        "not a certificate format this app reads: binary data starting 1f 8b 08 00"
            + " (gzip-compressed: decompress it first)",
        s.problems().get(0).message());
  }

  @Test
  void whitespaceOnlyIsNothingToRead() {
    assertEquals(
        "only whitespace: nothing to read", read(utf8(" \n\r\n\t")).problems().get(0).message());
  }

  /** {@code depth} SEQUENCEs inside each other around an INTEGER, definite lengths. */
  private static byte[] nestedDefinite(int depth) {
    int[] size = new int[depth + 1];
    size[0] = 3;
    for (int i = 1; i <= depth; i++) {
      size[i] = 1 + lengthBytes(size[i - 1]) + size[i - 1];
    }
    byte[] out = new byte[size[depth]];
    int pos = 0;
    for (int i = depth; i >= 1; i--) {
      out[pos++] = 0x30;
      int n = size[i - 1];
      int extra = lengthBytes(n) - 1;
      if (extra == 0) {
        out[pos++] = (byte) n;
      } else {
        out[pos++] = (byte) (0x80 | extra);
        for (int k = extra - 1; k >= 0; k--) {
          out[pos++] = (byte) (n >> (8 * k));
        }
      }
    }
    out[pos++] = 2;
    out[pos++] = 1;
    out[pos] = 0;
    return out;
  }

  private static int lengthBytes(int n) {
    return n < 0x80 ? 1 : n < 0x100 ? 2 : n < 0x10000 ? 3 : n < 0x1000000 ? 4 : 5;
  }
}
