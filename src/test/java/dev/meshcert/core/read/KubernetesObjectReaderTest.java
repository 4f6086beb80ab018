package dev.meshcert.core.read;

import static dev.meshcert.core.read.Inputs.b64;
import static dev.meshcert.core.read.Inputs.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.testpki.TestPki;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KubernetesObjectReaderTest {

  private static final TestPki PKI = new TestPki();
  private static final TestPki.Issued ROOT = PKI.root("CN=Root").issue();
  private static final TestPki.Issued CA = PKI.intermediate(ROOT, "CN=Istio CA").issue();
  private static final TestPki.Issued LEAF = PKI.leaf(CA).uriSan("spiffe://td/ns/a/sa/b").issue();

  private final KubernetesObjectReader reader = new KubernetesObjectReader();

  private Source read(String text) {
    assertTrue(reader.accepts(utf8(text)), "should accept");
    return InputReader.standard().read("test", utf8(text), PasswordProvider.none());
  }

  private static List<CertificateFacts> certificates(Source s) {
    return s.certificates().stream().map(CertificateEntry::certificate).toList();
  }

  /** An Istio plug-in CA Secret as kubectl prints it. */
  private static String cacertsYaml() {
    return """
        apiVersion: v1
        kind: Secret
        metadata:
          name: cacerts
          namespace: istio-system
        type: Opaque
        data:
          ca-cert.pem: %s
          root-cert.pem: %s
          cert-chain.pem: %s
          ca-key.pem: %s
          notes: %s
        """
        .formatted(
            b64(CA.pem()),
            b64(ROOT.pem()),
            b64(CA.pem() + ROOT.pem()),
            b64(Inputs.pkcs8Pem(CA.keyPair().getPrivate())),
            b64("rotated yearly"));
  }

  @Test
  void readsSecretDataWithLocationsAndContext() {
    Source s = read(cacertsYaml());
    assertEquals(InputFormat.KUBERNETES_OBJECT, s.format());
    assertEquals(List.of(CA.facts(), ROOT.facts(), CA.facts(), ROOT.facts()), certificates(s));
    CertificateEntry first = s.certificates().get(0);
    assertEquals("Secret istio-system/cacerts data.ca-cert.pem", first.location());
    assertEquals(
        Map.of(
            "kind", "Secret", "namespace", "istio-system", "name", "cacerts", "key", "ca-cert.pem"),
        first.context());
    long rootLine = CA.pem().lines().count() + 1;
    assertEquals(
        "Secret istio-system/cacerts data.cert-chain.pem block 2 at line " + rootLine,
        s.certificates().get(3).location());
    assertEquals(List.of(), s.problems());
  }

  @Test
  void keyInSecretIsMatchedToItsCertificate() {
    Source s = read(cacertsYaml());
    KeyEntry key = s.keys().get(0);
    assertEquals("Secret istio-system/cacerts data.ca-key.pem", key.location());
    assertEquals(Optional.of(CA.facts().sha256()), key.matchedCertificateSha256());
  }

  @Test
  void readsStringDataAndTlsSecretAsJson() {
    String json =
        """
        {"apiVersion": "v1", "kind": "Secret",
         "metadata": {"name": "web-tls", "namespace": "default"},
         "type": "kubernetes.io/tls",
         "data": {"tls.crt": "%s"},
         "stringData": {"ca.crt": %s}}
        """
            .formatted(b64(LEAF.pem()), new com.google.gson.Gson().toJson(ROOT.pem()));
    Source s = read(json);
    assertEquals(List.of(LEAF.facts(), ROOT.facts()), certificates(s));
    assertEquals("Secret default/web-tls stringData.ca.crt", s.certificates().get(1).location());
  }

  @Test
  void readsConfigMapPlainDataFromMultiDocumentYaml() {
    String yaml =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio-ca-root-cert\n"
            + "  namespace: foo\ndata:\n  root-cert.pem: |\n"
            + ROOT.pem().indent(4)
            + "---\n"
            + "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n"
            + "---\n"
            + cacertsYaml();
    Source s = read(yaml);
    assertEquals(5, s.certificates().size());
    assertEquals(
        "ConfigMap foo/istio-ca-root-cert data.root-cert.pem", s.certificates().get(0).location());
  }

  @Test
  void readsKindListItems() {
    String json =
        """
        {"apiVersion": "v1", "kind": "List", "items": [
          {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "a", "namespace": "n"},
           "data": {"tls.crt": "%s"}},
          {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "b", "namespace": "n"},
           "data": {"ca.crt": "%s"}}]}
        """
            .formatted(b64(LEAF.pem()), b64(ROOT.der()));
    Source s = read(json);
    assertEquals(List.of(LEAF.facts(), ROOT.facts()), certificates(s));
    assertEquals("Secret n/b data.ca.crt", s.certificates().get(1).location());
  }

  @Test
  void wellKnownKeyWithoutCertificateIsAProblemOthersAreIgnored() {
    String yaml =
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n"
            + "  tls.crt: "
            + b64("oops")
            + "\n  password: "
            + b64("hunter2")
            + "\n  ca.crt: '%%%'\n";
    Source s = read(yaml);
    assertEquals(
        List.of(
            new ReadProblem(
                "Secret s data.tls.crt", "no certificate or key in it: text starting \"oops\""),
            new ReadProblem("Secret s data.ca.crt", "bad base64")),
        s.problems());
  }

  @Test
  void readsKeystoreHeldInASecret() {
    String yaml =
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: ks\ndata:\n  keystore.p12: "
            + b64(Inputs.keystore("PKCS12", new char[0], LEAF, ROOT))
            + "\n";
    Source s = read(yaml);
    assertEquals(2, s.certificates().size());
    assertEquals(1, s.keys().size());
  }

  @Test
  void readsPemInAnyStringOfOtherKinds() {
    Source s =
        read(
            new String(
                Corpus.bytes("linkerd/cli/cmd/testdata/inject_emojivoto_deployment.golden.yml"),
                java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(1, s.certificates().size());
    assertTrue(
        s.certificates()
            .get(0)
            .location()
            .startsWith("Deployment emojivoto/web spec.template.spec."));
  }

  @Test
  void readsLinkerdInstallManifest() {
    Source s =
        InputReader.standard()
            .read(
                "install",
                Corpus.bytes("linkerd/cli/cmd/testdata/install_default.golden"),
                PasswordProvider.none());
    CertificateEntry issuer =
        s.certificates().stream()
            .filter(c -> c.location().equals("Secret linkerd/linkerd-identity-issuer data.crt.pem"))
            .findFirst()
            .orElseThrow();
    CertificateEntry anchor =
        s.certificates().stream()
            .filter(
                c ->
                    c.location()
                        .equals(
                            "ConfigMap linkerd/linkerd-identity-trust-roots data.ca-bundle.crt"))
            .findFirst()
            .orElseThrow();
    assertEquals(anchor.certificate().subject(), issuer.certificate().issuer());
    KeyEntry key =
        s.keys().stream()
            .filter(k -> k.location().equals("Secret linkerd/linkerd-identity-issuer data.key.pem"))
            .findFirst()
            .orElseThrow();
    assertEquals(Optional.of(issuer.certificate().sha256()), key.matchedCertificateSha256());
  }

  @Test
  void objectsWithoutCertificatesSaySo() {
    Source s = read("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n");
    assertEquals(
        List.of(new ReadProblem("", "no certificates or keys in 1 Kubernetes object (Service)")),
        s.problems());
  }

  @Test
  void brokenYamlStillGivesItsPemBlocks() {
    String yaml =
        "apiVersion: v1\nkind: ConfigMap\ndata: {{ .Values.x }\n  x: |\n" + ROOT.pem().indent(4);
    Source s = read(yaml);
    assertEquals(1, s.certificates().size());
    assertTrue(s.problems().get(0).message().startsWith("not valid YAML"));
  }

  @Test
  void doesNotClaimJsonOrYamlWithoutKindAndApiVersion() {
    assertFalse(reader.accepts(utf8("{\"configs\": [{\"@type\": \"x\"}]}")));
    assertFalse(reader.accepts(utf8("data:\n  kind: Secret\n  apiVersion: v1\n")));
    assertFalse(reader.accepts(utf8(ROOT.pem())));
  }

  @Test
  void readsJsonWithByteOrderMark() {
    String json =
        "\uFEFF{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"metadata\": {\"name\": \"s\"},"
            + " \"data\": {\"ca.crt\": \""
            + b64(ROOT.pem())
            + "\"}}";
    assertEquals(List.of(ROOT.facts()), certificates(read(json)));
  }
}
