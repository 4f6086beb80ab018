package dev.meshcert.core.read;

import static dev.meshcert.core.read.Inputs.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.testpki.TestPki;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PemReaderTest {

  private static final TestPki PKI = new TestPki();
  private static final TestPki.Issued ROOT = PKI.root("CN=Root").issue();
  private static final TestPki.Issued LEAF =
      PKI.leaf(ROOT).uriSan("spiffe://cluster.local/ns/a/sa/b").issue();

  private final PemReader reader = new PemReader();

  private Source read(byte[] content) {
    return reader.read("test", content, PasswordProvider.none());
  }

  private Source read(String text) {
    return read(utf8(text));
  }

  /**
   * Certificates, keys and problems per corpus file. Notes: root-ca-bundle-with-graceful-failures
   * has 5 blocks; upstream (Go) expects 3 because Go rejects block 1's negative serial, which our
   * decoder accepts, so 4 certificates and 1 problem (block 4, not a certificate). invalidpem:
   * block 2 has a stray '-' in its base64 (strict base64, as Go).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "istio/security/pkg/nodeagent/cache/testdata/invalidpem.pem, 1, 0, 1",
    "istio/security/pkg/nodeagent/cache/testdata/root-ca-bundle-with-graceful-failures.pem, 4, 0, 1",
    "istio/security/pkg/nodeagent/cache/testdata/cert-chain.pem, 2, 0, 0",
    "istio/security/pkg/nodeagent/cache/testdata/key.pem, 0, 1, 0",
    "istio/security/pkg/pki/testdata/cert-parse-fail.pem, 0, 0, 1",
    "istio/security/pkg/pki/testdata/key-parse-fail.pem, 0, 0, 1",
    "istio/security/pkg/pki/testdata/cert-verify-fail.pem, 0, 0, 1",
    "istio/security/pkg/pki/testdata/root-verify-fail.pem, 0, 0, 1",
    "istio/security/pkg/pki/testdata/cert-chain-trailing-line.pem, 3, 0, 0",
    "istio/security/pkg/pki/testdata/multilevelpki/ecc-int2-cert-chain.pem, 3, 0, 0",
    "istio/security/pkg/pki/testdata/crl/ca-crl.pem, 0, 0, 2",
    "istio/samples/certs/root-cert-combined-2.pem, 3, 0, 0",
    "istio/samples/certs/workload-foo-cert.pem, 2, 0, 0",
    "istio/samples/certs/ca-key.pem, 0, 1, 0",
    "go-spiffe/svid/x509svid/testdata/good-cert-and-key.pem, 1, 1, 0",
    "go-spiffe/svid/x509svid/testdata/good-key-and-cert.pem, 1, 1, 0",
    "go-spiffe/svid/x509svid/testdata/good-leaf-and-intermediate.pem, 2, 0, 0",
    "go-spiffe/svid/x509svid/testdata/corrupt-cert.pem, 0, 0, 1",
    "go-spiffe/svid/x509svid/testdata/corrupt-key.pem, 0, 0, 1",
    "go-spiffe/svid/x509svid/testdata/key-pkcs8-rsa.pem, 0, 1, 0",
    "go-spiffe/svid/x509svid/testdata/not-pem, 0, 0, 1",
    "go-spiffe/bundle/x509bundle/testdata/certs.pem, 2, 0, 0",
    "go-spiffe/bundle/x509bundle/testdata/corrupted.pem, 0, 0, 1",
    "linkerd/cli/cmd/testdata/install_default.golden, 3, 0, 0",
    "linkerd/cli/cmd/testdata/inject_emojivoto_deployment.golden.yml, 1, 0, 0",
    "x509-limbo/assets/negative_serial.pem, 1, 0, 0",
    "x509-limbo/assets/explicit_curve_leaf.key, 0, 1, 0",
    "x509-limbo/assets/explicit_curve_ca.csr, 0, 0, 1",
  })
  void readsCorpusFile(String path, int certificates, int keys, int problems) {
    Source s = read(Corpus.bytes(path));
    assertEquals(certificates, s.certificates().size(), () -> path + " " + s.summary());
    assertEquals(keys, s.keys().size(), () -> path + " " + s.summary());
    assertEquals(problems, s.problems().size(), () -> path + " " + s.problems());
  }

  @Test
  void strayDashMakesBlockTwoBadBase64AtItsLine() {
    Source s = read(Corpus.bytes("istio/security/pkg/nodeagent/cache/testdata/invalidpem.pem"));
    assertEquals(List.of(new ReadProblem("block 2 at line 35", "bad base64")), s.problems());
    assertEquals("block 1 at line 2", s.certificates().get(0).location());
  }

  @Test
  void negativeSerialIsReadAndBlockFourIsTheProblem() {
    Source s =
        read(
            Corpus.bytes(
                "istio/security/pkg/nodeagent/cache/testdata/root-ca-bundle-with-graceful-failures.pem"));
    assertEquals(-1, s.certificates().get(0).certificate().serial().signum());
    assertEquals("block 4 at line 108", s.problems().get(0).location());
  }

  @Test
  void keepsTextAroundBlocksAndCrlf() {
    String text =
        "subject=CN=Root\r\nissuer=CN=Root\r\n"
            + ROOT.pem().replace("\n", "\r\n")
            + "some notes\r\n"
            + LEAF.pem().replace("\n", "\r\n");
    Source s = read(text);
    assertEquals(2, s.certificates().size());
    assertEquals("block 2 at line 14", s.certificates().get(1).location());
    assertTrue(s.problems().isEmpty());
  }

  @Test
  void readsBlocksIndentedInsideYaml() {
    String yaml =
        "data:\n  ca.crt: |\n" + ROOT.pem().indent(4) + "  tls.crt: |\n" + LEAF.pem().indent(4);
    Source s = read(yaml);
    assertEquals(List.of(ROOT.facts(), LEAF.facts()), certificates(s));
  }

  @Test
  void readsOldX509CertificateHeader() {
    Source s = read(Inputs.pem("X509 CERTIFICATE", ROOT.der()));
    assertEquals(List.of(ROOT.facts()), certificates(s));
  }

  @Test
  void takesCertificateOutOfTrustedCertificate() {
    Source s = read(Inputs.trustedPem(ROOT));
    assertEquals(List.of(ROOT.facts()), certificates(s));
    assertTrue(s.problems().isEmpty());
  }

  @Test
  void readsCertificatesOfPkcs7Block() {
    Source s = read(Inputs.pem("PKCS7", Inputs.pkcs7(LEAF, ROOT)));
    assertEquals(List.of(LEAF.facts(), ROOT.facts()), certificates(s));
    assertEquals("block 1 at line 1 certificate 2", s.certificates().get(1).location());
  }

  @Test
  void skipsCertificateRequestAsNotACertificate() {
    String text = Inputs.pem("CERTIFICATE REQUEST", new byte[] {0x30, 0x00}) + ROOT.pem();
    Source s = read(text);
    assertEquals(1, s.certificates().size());
    assertEquals(
        List.of(
            new ReadProblem(
                "block 1 at line 1", "skipped: not a certificate (CERTIFICATE REQUEST)")),
        s.problems());
  }

  @Test
  void unterminatedBlockDoesNotLoseTheNextOne() {
    String text = "-----BEGIN CERTIFICATE-----\nMIIB\n" + ROOT.pem();
    Source s = read(text);
    assertEquals(1, s.certificates().size());
    assertEquals(
        List.of(new ReadProblem("block 1 at line 1", "no END line before the next BEGIN")),
        s.problems());
  }

  @Test
  void blockWithoutEndIsAProblem() {
    String pem = ROOT.pem();
    Source s = read(pem.substring(0, pem.indexOf("-----END")));
    assertEquals(List.of(new ReadProblem("block 1 at line 1", "no END line")), s.problems());
  }

  @Test
  void textWithoutBlocksSaysSo() {
    Source s = read("hello\n");
    assertEquals(List.of(new ReadProblem("", "no PEM blocks found")), s.problems());
    assertFalse(reader.accepts(utf8("hello\n")));
  }

  @Test
  void beginInsideALineIsNotPem() {
    assertFalse(reader.accepts(utf8("{\"pem\": \"-----BEGIN CERTIFICATE-----\\nMIIB\"}")));
  }

  @Test
  void certificateThatDoesNotDecodeIsAProblemWithTheDecodersReason() {
    Source s = read(Inputs.pem("CERTIFICATE", new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}));
    assertEquals(1, s.problems().size());
    assertEquals("block 1 at line 1", s.problems().get(0).location());
  }

  @Test
  void negativeSerialFromTestPkiIsAccepted() {
    TestPki.Issued neg = PKI.root("CN=Neg").serial(BigInteger.valueOf(-5)).issue();
    assertEquals(1, read(neg.pem()).certificates().size());
  }

  private static List<dev.meshcert.core.cert.CertificateFacts> certificates(Source s) {
    return s.certificates().stream().map(CertificateEntry::certificate).toList();
  }
}
