package dev.meshcert.core.cert;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every certificate of the corpus, decoded and compared with what pyca/cryptography read from it
 * (src/test/resources/certtext/cert-inventory.json, made by make-cert-inventory.py beside it).
 */
class CorpusDecodeTest {

  private static final String LIMBO = "x509-limbo/limbo.ddc40b4-2023-12-02.json";

  /** Certificates the decoder refuses, with a fragment of the reason it must give. */
  private static final Map<String, String> REFUSED =
      Map.of(
          "go-spiffe/bundle/x509bundle/testdata/corrupted.pem#0",
          "trailing data: 48 bytes",
          "go-spiffe/svid/x509svid/testdata/corrupt-cert.pem#0",
          "not DER",
          "istio/security/pkg/nodeagent/cache/testdata/root-ca-bundle-with-graceful-failures.pem#3",
          "OCTET STRING, not a SEQUENCE",
          LIMBO + "#rfc5280::duplicate-extensions/peer_certificate",
          "extension 2.5.29.17 appears twice");

  private static final CertificateDecoder DECODER = new CertificateDecoder();
  private static JsonObject limbo;

  static Stream<Arguments> inventory() {
    JsonObject root =
        JsonParser.parseString(PemBlocks.utf8("/certtext/cert-inventory.json")).getAsJsonObject();
    List<Arguments> out = new ArrayList<>();
    for (JsonElement e : root.getAsJsonArray("certificates")) {
      JsonObject o = e.getAsJsonObject();
      if (!o.get("status").getAsString().equals("bad-base64")) {
        out.add(Arguments.of(key(o), o));
      }
    }
    return out.stream();
  }

  private static String key(JsonObject o) {
    String file = o.get("file").getAsString();
    if (o.has("block")) {
      return file + "#" + o.get("block").getAsInt();
    }
    return file + "#" + o.get("testcase").getAsString() + "/" + o.get("role").getAsString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inventory")
  void decodesLikePyca(String key, JsonObject expected) throws Exception {
    byte[] der = der(expected);
    if (REFUSED.containsKey(key)) {
      CertificateDecodeException e =
          assertThrows(CertificateDecodeException.class, () -> DECODER.decode(der));
      assertTrue(e.getMessage().contains(REFUSED.get(key)), e.getMessage());
      return;
    }
    assertEquals("parsed", expected.get("status").getAsString(), "pyca refused it: " + expected);
    CertificateFacts f = DECODER.decode(der);
    assertAll(
        () -> assertEquals(string(expected, "sha256"), f.sha256()),
        () -> assertEquals(expected.get("version").getAsInt(), f.version()),
        () -> assertEquals(string(expected, "serialHex"), f.serialHex()),
        () -> assertEquals(string(expected, "subject"), f.subject()),
        () -> assertEquals(string(expected, "issuer"), f.issuer()),
        () -> assertEquals(string(expected, "notBefore"), f.notBefore().toString()),
        () -> assertEquals(string(expected, "notAfter"), f.notAfter().toString()),
        () -> assertEquals(string(expected, "signatureAlgorithmOid"), f.signatureAlgorithmOid()));
    if (expected.has("extensionError")) {
      if (string(expected, "extensionError").startsWith("error parsing asn1 value")) {
        assertFalse(f.problems().isEmpty(), "an undecodable extension must be reported");
      }
      return;
    }
    GeneralNameFacts.Type ip = GeneralNameFacts.Type.IP;
    assertAll(
        () -> assertEquals(strings(expected, "uriSans"), f.uriSans()),
        () -> assertEquals(strings(expected, "dnsSans"), f.dnsSans()),
        () ->
            assertEquals(
                strings(expected, "ipSans"),
                f.subjectAltNames().stream()
                    .filter(n -> n.type() == ip)
                    .map(GeneralNameFacts::value)
                    .toList()),
        () -> assertEquals(expected.get("ca").getAsBoolean(), f.ca()),
        () -> assertEquals(optionalInt(expected, "pathLength"), f.pathLength()),
        () -> assertEquals(keyUsage(expected), f.keyUsage().map(CorpusDecodeTest::names)),
        () -> assertEquals(optional(expected, "subjectKeyId"), f.subjectKeyId()),
        () -> assertEquals(optional(expected, "authorityKeyId"), f.authorityKeyId()),
        () ->
            assertEquals(
                strings(expected, "extensionOids"),
                f.extensions().stream().map(ExtensionFacts::oid).toList()),
        () -> assertEquals(List.of(), f.problems()));
  }

  @Test
  void refusesNoMoreThanTheKnownBrokenCertificates() {
    long pycaRefused =
        inventory()
            .map(a -> (JsonObject) a.get()[1])
            .filter(o -> o.get("status").getAsString().equals("unparseable"))
            .count();
    assertEquals(REFUSED.size() - 1, pycaRefused, "pyca refuses these, we add the duplicate one");
  }

  @Test
  void decodesTheNegativeSerialTolerantly() throws Exception {
    CertificateFacts f = PemBlocks.first("/corpus/x509-limbo/assets/negative_serial.pem");
    assertEquals("-4316693ed", f.serialHex());
    assertEquals(-18008675309L, f.serial().longValueExact());
  }

  @Test
  void showsTheEmptyOrganizationOfIstiosTenYearLeaf() throws Exception {
    CertificateFacts f =
        PemBlocks.first("/corpus/istio/security/pkg/pki/testdata/cert-chain-10y.pem");
    assertEquals("O=", f.subject());
    assertFalse(f.subjectEmpty());
    assertEquals("O=k8s.cluster.local", f.issuer());
  }

  @Test
  void writesUnlistedAttributeTypesAsOidsLikePyca() throws Exception {
    CertificateFacts f = PemBlocks.first("/corpus/istio/samples/certs/root-cert.pem");
    assertEquals(
        "1.2.840.113549.1.9.1=testrootca@istio.io,CN=Root CA,OU=Test,O=Istio,L=Sunnyvale,"
            + "ST=California,C=US",
        f.subject());
  }

  private static byte[] der(JsonObject o) {
    String file = o.get("file").getAsString();
    if (file.equals(LIMBO)) {
      return limboDer(
          o.get("testcase").getAsString(), o.get("role").getAsString(), string(o, "sha256"));
    }
    return PemBlocks.certificates(PemBlocks.text("/corpus/" + file))
        .get(o.get("block").getAsInt())
        .orElseThrow();
  }

  private static synchronized byte[] limboDer(String id, String role, String sha256) {
    if (limbo == null) {
      limbo = JsonParser.parseString(PemBlocks.utf8("/corpus/" + LIMBO)).getAsJsonObject();
    }
    for (JsonElement t : limbo.getAsJsonArray("testcases")) {
      JsonObject tc = t.getAsJsonObject();
      if (!tc.get("id").getAsString().equals(id)) {
        continue;
      }
      JsonElement pems = tc.get(role);
      List<String> texts = new ArrayList<>();
      if (pems.isJsonArray()) {
        pems.getAsJsonArray().forEach(p -> texts.add(p.getAsString()));
      } else {
        texts.add(pems.getAsString());
      }
      for (String pem : texts) {
        for (Optional<byte[]> der : PemBlocks.certificates(pem)) {
          if (Hex.lower(Hex.digest("SHA-256", der.orElseThrow())).equals(sha256)) {
            return der.get();
          }
        }
      }
    }
    throw new IllegalStateException("limbo has no " + id + "/" + role + " " + sha256);
  }

  private static String string(JsonObject o, String name) {
    return o.get(name).getAsString();
  }

  private static Optional<String> optional(JsonObject o, String name) {
    return o.get(name).isJsonNull() ? Optional.empty() : Optional.of(string(o, name));
  }

  private static Optional<Integer> optionalInt(JsonObject o, String name) {
    return o.get(name).isJsonNull() ? Optional.empty() : Optional.of(o.get(name).getAsInt());
  }

  private static List<String> strings(JsonObject o, String name) {
    List<String> out = new ArrayList<>();
    JsonArray a = o.getAsJsonArray(name);
    a.forEach(e -> out.add(e.getAsString()));
    return out;
  }

  private static Optional<Set<String>> keyUsage(JsonObject o) {
    if (o.get("keyUsage").isJsonNull()) {
      return Optional.empty();
    }
    return Optional.of(new TreeSet<>(strings(o, "keyUsage")));
  }

  private static Set<String> names(Set<KeyUsageBit> bits) {
    Set<String> out = new TreeSet<>();
    bits.forEach(b -> out.add(b.name()));
    return out;
  }
}
