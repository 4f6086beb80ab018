package dev.meshcert.core.read;

import static dev.meshcert.core.read.Inputs.b64;
import static dev.meshcert.core.read.Inputs.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.testpki.TestPki;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KubeconfigReaderTest {

  private static final TestPki PKI = new TestPki();
  private static final TestPki.Issued CLUSTER_CA = PKI.root("CN=kubernetes").issue();
  private static final TestPki.Issued ADMIN =
      PKI.leaf(CLUSTER_CA).subject("O=system:masters,CN=kubernetes-admin").issue();

  private static String kubeconfig() {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: kind-kind
          cluster:
            server: https://127.0.0.1:6443
            certificate-authority-data: %s
        - name: prod
          cluster:
            server: https://prod:6443
            certificate-authority: /etc/kubernetes/pki/ca.crt
        users:
        - name: kind-admin
          user:
            client-certificate-data: %s
            client-key-data: %s
        contexts:
        - name: kind
          context: {cluster: kind-kind, user: kind-admin}
        current-context: kind
        """
        .formatted(b64(CLUSTER_CA.pem()), b64(ADMIN.pem()), b64(ADMIN.keyPem()));
  }

  private static Source read(String text) {
    Source s = InputReader.standard().read("config", utf8(text), PasswordProvider.none());
    assertEquals(InputFormat.KUBECONFIG, s.format());
    return s;
  }

  @Test
  void readsClusterCaAndUserCertificateNamedByClusterAndUser() {
    Source s = read(kubeconfig());
    assertEquals(
        List.of(
            "cluster kind-kind certificate-authority-data",
            "user kind-admin client-certificate-data"),
        s.certificates().stream().map(CertificateEntry::location).toList());
    assertEquals(CLUSTER_CA.facts(), s.certificates().get(0).certificate());
    assertEquals("https://127.0.0.1:6443", s.certificates().get(0).context().get("server"));
    assertEquals(List.of(), s.problems());
  }

  @Test
  void clientKeyIsAKeyMatchedToTheClientCertificate() {
    KeyEntry key = read(kubeconfig()).keys().get(0);
    assertEquals("user kind-admin client-key-data", key.location());
    assertEquals(Optional.of(ADMIN.facts().sha256()), key.matchedCertificateSha256());
  }

  @Test
  void fileReferencesAreListedNotRead() {
    MetadataEntry m = read(kubeconfig()).metadata().get(0);
    assertEquals("cluster prod certificate-authority", m.title());
    assertEquals("/etc/kubernetes/pki/ca.crt", m.fields().get("certificate-authority"));
  }

  @Test
  void readsJsonKubeconfig() {
    String json =
        """
        {"kind": "Config", "apiVersion": "v1",
         "clusters": [{"name": "c", "cluster": {"certificate-authority-data": "%s"}}]}
        """
            .formatted(b64(CLUSTER_CA.pem()));
    assertEquals(1, read(json).certificates().size());
  }

  @Test
  void badBase64IsAProblemNamingTheField() {
    String yaml =
        "clusters:\n- name: c\n  cluster:\n    certificate-authority-data: '***'\n" + "users: []\n";
    Source s = read(yaml);
    assertTrue(
        s.problems()
            .contains(new ReadProblem("cluster c certificate-authority-data", "bad base64")));
  }
}
