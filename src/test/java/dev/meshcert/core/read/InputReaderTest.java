package dev.meshcert.core.read;

import static dev.meshcert.core.read.Inputs.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.testpki.TestPki;
import java.io.ByteArrayInputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputReaderTest {

  private static final TestPki PKI = new TestPki();
  private static final TestPki.Issued ROOT = PKI.root("CN=Root").issue();
  private static final TestPki.Issued LEAF =
      PKI.leaf(ROOT).uriSan("spiffe://cluster.local/ns/a/sa/b").issue();

  private final InputReader reader = InputReader.standard();

  private Source read(byte[] content) {
    return reader.read("test", content, PasswordProvider.none());
  }

  /** Format detection by content: the same bytes under any name give the same format. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "istio/samples/certs/root-cert.pem, PEM",
    "linkerd/cli/cmd/testdata/install_default.golden, KUBERNETES_OBJECT",
    "linkerd/cli/cmd/testdata/inject_emojivoto_deployment.golden.yml, KUBERNETES_OBJECT",
    "pyca-cryptography-vectors/pkcs12/no-password.p12, PKCS12",
    "go-spiffe/svid/x509svid/testdata/not-pem, UNKNOWN",
    "istio/security/pkg/nodeagent/cache/testdata/emptyfile.pem, UNKNOWN",
  })
  void detectsCorpusFormat(String path, InputFormat format) {
    assertEquals(format, read(Corpus.bytes(path)).format());
  }

  @Test
  void detectsGeneratedFormats() {
    assertEquals(InputFormat.DER, read(ROOT.der()).format());
    assertEquals(InputFormat.DER, read(Inputs.concatenatedDer(LEAF, ROOT)).format());
    assertEquals(InputFormat.PKCS7, read(Inputs.pkcs7(LEAF, ROOT)).format());
    assertEquals(
        InputFormat.PKCS7, read(utf8(Inputs.pem("PKCS7", Inputs.pkcs7(LEAF, ROOT)))).format());
    assertEquals(InputFormat.BASE64_DER, read(utf8(Inputs.b64(ROOT.der()))).format());
    assertEquals(
        InputFormat.JKS, read(Inputs.keystore("JKS", "pw".toCharArray(), LEAF, ROOT)).format());
    assertEquals(
        InputFormat.JKS, read(Inputs.keystore("JCEKS", "pw".toCharArray(), LEAF, ROOT)).format());
    assertEquals(
        InputFormat.PKCS12,
        read(Inputs.keystore("PKCS12", "pw".toCharArray(), LEAF, ROOT)).format());
  }

  @Test
  void emptyInputSaysSo() {
    Source s = read(new byte[0]);
    assertEquals(List.of(new ReadProblem("", "empty file: nothing to read")), s.problems());
  }

  @Test
  void unknownTextSaysWhatItIs() {
    Source s = read(utf8("hello world\n"));
    assertEquals(InputFormat.UNKNOWN, s.format());
    assertEquals(
        "not a certificate format this app reads: text starting \"hello world\"",
        s.problems().get(0).message());
  }

  @Test
  void jsonThatIsNotKubernetesIsNotClaimedByKubernetesReader() {
    Source s = read(utf8("{\"name\": \"x\", \"kind\": \"thing\"}"));
    assertEquals(InputFormat.UNKNOWN, s.format());
  }

  @Test
  void extraReadersAreAskedFirst() {
    FormatReader claimsAll =
        new FormatReader() {
          @Override
          public InputFormat format() {
            return InputFormat.ENVOY_CERTS;
          }

          @Override
          public boolean accepts(byte[] content) {
            return true;
          }

          @Override
          public Source read(String name, byte[] content, PasswordProvider passwords) {
            return new Source(
                name, InputFormat.ENVOY_CERTS, List.of(), List.of(), List.of(), List.of());
          }
        };
    Source s =
        new InputReader(List.of(claimsAll)).read("x", utf8(ROOT.pem()), PasswordProvider.none());
    assertEquals(InputFormat.ENVOY_CERTS, s.format());
  }

  @Test
  void keyIsMatchedToCertificateOfSameInput() {
    Source s = read(utf8(LEAF.pem() + Inputs.pkcs8Pem(LEAF.keyPair().getPrivate())));
    assertEquals(Optional.of(LEAF.facts().sha256()), s.keys().get(0).matchedCertificateSha256());
  }

  @Test
  void refusesFileOverTheLimitWithoutReadingIt(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.pem");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(200L * 1024 * 1024); // sparse: no 200 MB written
    }
    Source s = reader.read(big, PasswordProvider.none());
    assertEquals(InputFormat.UNKNOWN, s.format());
    assertEquals(
        "file of 200.0 MiB (209715200 bytes) is larger than the 64 MiB limit: not read",
        s.problems().get(0).message());
  }

  @Test
  void readsFileByPath(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("anything.bin");
    Files.writeString(file, ROOT.pem());
    Source s = reader.read(file, PasswordProvider.none());
    assertEquals(file.toString(), s.name());
    assertEquals(1, s.certificates().size());
  }

  @Test
  void missingFileIsAProblem(@TempDir Path dir) {
    Source s = reader.read(dir.resolve("nope.pem"), PasswordProvider.none());
    assertEquals("no such file", s.problems().get(0).message());
  }

  @Test
  void streamOverTheLimitIsRefused() {
    var huge =
        new java.io.InputStream() {
          long left = InputReader.MAX_INPUT_BYTES + 10;

          @Override
          public int read() {
            return left-- > 0 ? 'A' : -1;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (left <= 0) {
              return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 'A');
            left -= n;
            return n;
          }
        };
    Source s = reader.read("stdin", huge, PasswordProvider.none());
    assertTrue(s.problems().get(0).message().contains("larger than the 64 MiB limit"));
  }

  @Test
  void readsStream() {
    Source s =
        reader.read("stdin", new ByteArrayInputStream(utf8(ROOT.pem())), PasswordProvider.none());
    assertEquals(1, s.certificates().size());
  }

  @Test
  void readerThatThrowsBecomesAProblem() {
    FormatReader broken =
        new FormatReader() {
          @Override
          public InputFormat format() {
            return InputFormat.ENVOY_CONFIG_DUMP;
          }

          @Override
          public boolean accepts(byte[] content) {
            return true;
          }

          @Override
          public Source read(String name, byte[] content, PasswordProvider passwords) {
            throw new IllegalStateException("boom");
          }
        };
    Source s = new InputReader(List.of(broken)).read("x", utf8("{}"), PasswordProvider.none());
    assertEquals(
        List.of(new ReadProblem("", "could not read as Envoy config_dump: boom")), s.problems());
  }

  /** No corpus file makes a reader fail inside: every problem is one the reader reported. */
  @Test
  void everyCorpusFileIsReadWithoutInternalError() throws Exception {
    Path root = Path.of(InputReaderTest.class.getResource("/corpus").toURI());
    List<Path> files;
    try (var walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertTrue(files.size() > 100);
    for (Path f : files) {
      Source s = reader.read(f, PasswordProvider.none());
      assertTrue(
          s.problems().stream().noneMatch(p -> p.message().startsWith("could not read as")),
          () -> f + ": " + s.problems());
    }
  }
}
