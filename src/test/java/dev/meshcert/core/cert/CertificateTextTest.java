package dev.meshcert.core.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.testpki.TestPki;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The text view against {@code openssl x509 -noout -text} output saved beside the certificates
 * (src/test/resources/certtext/openssl, see HOW-MADE.txt there).
 *
 * <p>Compared line by line after these documented normalisations: trailing spaces are ignored
 * (OpenSSL leaves some); OpenSSL's \XX and \xXX escapes of UTF-8 bytes in names are decoded (we
 * show the characters); "Reasons:" that OpenSSL 3.0 glues to the previous line is split; bodies of
 * extensions named by their OID (not decoded: OpenSSL prints raw bytes, we print hex) are skipped.
 * Our additions after "Fingerprints and pins:" are checked separately.
 */
class CertificateTextTest {

  private static final Pattern ESCAPES = Pattern.compile("(?:\\\\x?[0-9A-F]{2})+");
  private static final Pattern OID_HEADER = Pattern.compile("^ {12}\\d+(\\.\\d+)+:( critical)?$");

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "corpus/istio/samples/certs/root-cert.pem",
        "corpus/istio/samples/certs/workload-foo-cert.pem",
        "corpus/istio/security/pkg/pki/testdata/cert-chain-10y.pem",
        "corpus/istio/security/pkg/pki/testdata/multilevelpki/ecc-int2-cert.pem",
        "corpus/istio/security/pkg/nodeagent/cache/testdata/root-ca-bundle-with-graceful-failures.pem",
        "corpus/linkerd/cli/cmd/testdata/wrong-algo-crt.pem",
        "corpus/go-spiffe/svid/x509svid/testdata/good-leaf-and-intermediate.pem",
        "corpus/x509-limbo/assets/cryptography.io.pem",
        "corpus/x509-limbo/assets/cryptography.io_mismatched.pem",
        "corpus/x509-limbo/assets/negative_serial.pem",
        "corpus/x509-limbo/assets/explicit_curve_ca.pem",
        "fixtures/all-extensions-rsa.pem",
        "fixtures/othername-ec384.pem",
        "fixtures/ed25519.pem",
        "fixtures/dsa-sha256.pem",
        "fixtures/rsa-pss.pem"
      })
  void readsLikeOpenSsl(String name) throws Exception {
    String pemResource =
        name.startsWith("corpus/") ? "/" + name : "/certtext/openssl/fixtures/" + name.substring(9);
    CertificateFacts c = PemBlocks.first(pemResource);
    String ours = CertificateText.render(c).split("Fingerprints and pins:")[0];
    String theirs = PemBlocks.utf8("/certtext/openssl/" + name + ".txt");

    assertEquals(normalise(theirs), normalise(ours));
  }

  @Test
  void endsWithFingerprintsPinAndDecimalSerialAsOpenSslComputesThem() throws Exception {
    String text =
        CertificateText.render(PemBlocks.first("/corpus/istio/samples/certs/root-cert.pem"));
    String additions = text.substring(text.indexOf("Fingerprints and pins:"));
    assertEquals(
        """
        Fingerprints and pins:
            SHA-256 Fingerprint: 63:72:7A:17:85:CA:B4:7A:CE:C5:C2:4C:C0:66:9C:20:82:4E:8A:E1:AC:28:07:9A:4D:2F:8C:83:05:92:E7:B0
            SHA-1 Fingerprint: 27:3E:3C:60:2A:B9:BB:2D:69:8A:78:C1:80:A7:F8:2D:A0:53:90:82
            SPKI Pin (base64 SHA-256): 8FktTWYAUlgNDAv+Cfmk15WtirfC+obDMnb7s1IUXuU=
            Serial Number (decimal): 16289816804573236346
        """,
        additions);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "4096, '        Serial Number: 4096 (0x1000)'",
    "0, '        Serial Number: 0 (0x0)'",
    "-2, '        Serial Number: -2 (-0x2)'",
    "9223372036854775807, '        Serial Number: 9223372036854775807 (0x7fffffffffffffff)'",
    "9223372036854775808, '        Serial Number:|            80:00:00:00:00:00:00:00'",
    "-1, '        Serial Number:|             (Negative)01'"
  })
  void printsSerialsTheWayOpenSslDoes(String serial, String expected) {
    TestPki.Issued cert = new TestPki().root("CN=s").serial(new BigInteger(serial)).issue();
    String text = CertificateText.render(cert.facts());
    assertTrue(text.contains(expected.replace('|', '\n') + "\n"), text);
  }

  @Test
  void formatsTimesLikeOpenSsl() {
    assertEquals(
        "Mar  1 13:02:57 2023 GMT", CertificateText.time(Instant.parse("2023-03-01T13:02:57Z")));
  }

  @Test
  void leavesAnEmptySubjectEmpty() {
    TestPki pki = new TestPki();
    TestPki.Issued root = pki.root("CN=Root").issue();
    String text = CertificateText.render(pki.leaf(root).uriSan("spiffe://td/x").issue().facts());
    assertTrue(text.contains("\n        Subject:\n"), text);
    assertTrue(
        text.contains(
            "X509v3 Subject Alternative Name: critical\n                URI:spiffe://td/x\n"),
        text);
  }

  @Test
  void showsAnUnknownExtensionAsOidCriticalFlagAndHex() throws Exception {
    TestPki.Issued cert =
        new TestPki()
            .root("CN=u")
            .extension(
                new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4.5"),
                true,
                new byte[] {4, 2, 0x0a, 0x0b})
            .issue();
    String text = CertificateText.render(cert.facts());
    assertTrue(
        text.contains("            1.2.3.4.5: critical\n                04:02:0a:0b\n"), text);
  }

  static String normalise(String text) {
    List<String> out = new ArrayList<>();
    boolean skipping = false;
    for (String raw :
        text.replaceAll("(?<=\\S) {16}Reasons:", "\n                Reasons:").split("\n")) {
      String line = unescape(raw.stripTrailing());
      if (skipping && (line.startsWith(" ".repeat(16)) || line.isEmpty())) {
        continue;
      }
      skipping = OID_HEADER.matcher(line).matches();
      out.add(line);
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return String.join("\n", out);
  }

  /** Decodes runs of \XX or \xXX (OpenSSL's escapes of UTF-8 bytes) into characters. */
  private static String unescape(String line) {
    Matcher m = ESCAPES.matcher(line);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String hex = m.group().replace("\\x", "").replace("\\", "");
      byte[] bytes = HexFormat.of().parseHex(hex);
      boolean utf8 = (bytes[0] & 0x80) != 0;
      m.appendReplacement(
          b,
          Matcher.quoteReplacement(utf8 ? new String(bytes, StandardCharsets.UTF_8) : m.group()));
    }
    m.appendTail(b);
    return b.toString();
  }
}
