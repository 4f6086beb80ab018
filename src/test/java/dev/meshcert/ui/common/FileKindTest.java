package dev.meshcert.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshcert.testpki.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Files from outside the window sorted by their content, whatever their names. */
class FileKindTest {

  static final String CONFIG_DUMP =
      "istio/istioctl/pkg/writer/envoy/configdump/testdata/secret/istio/config_dump.json";
  static final String ZTUNNEL_DUMP =
      "istio/istioctl/pkg/writer/ztunnel/configdump/testdata/dump.json";
  static final String ENVOY_CERTS =
      "envoy-admin-certs-samples/aws-app-mesh.howto-k8s-mtls-sds-based.green.certs.json";

  @TempDir Path dir;

  static byte[] corpus(String path) {
    try (InputStream in = FileKindTest.class.getResourceAsStream("/corpus/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource corpus/" + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private FileKind kindOf(String name, byte[] content) throws IOException {
    return FileKind.of(Files.write(dir.resolve(name), content));
  }

  @Test
  void envoyConfigDumpIsAMeshDump() throws IOException {
    assertEquals(FileKind.MESH_DUMP, kindOf("config_dump.json", corpus(CONFIG_DUMP)));
  }

  @Test
  void ztunnelDumpIsAMeshDump() throws IOException {
    assertEquals(FileKind.MESH_DUMP, kindOf("ztunnel.json", corpus(ZTUNNEL_DUMP)));
  }

  @Test
  void snapshotIsRecognisedByItsFormatField() throws IOException {
    byte[] snapshot =
        """
        {
          "format": "meshcert-snapshot",
          "version": 1,
          "savedAt": "2026-12-04T00:00:00Z",
          "contexts": []
        }
        """
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(FileKind.MESH_SNAPSHOT, kindOf("mesh.json", snapshot));
  }

  private static byte[] yaml(byte[] json) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    Object tree = new Yaml().load(new String(json, StandardCharsets.UTF_8));
    return new Yaml(options).dump(tree).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void envoyConfigDumpInYamlIsAMeshDump() throws IOException {
    assertEquals(FileKind.MESH_DUMP, kindOf("secrets.yaml", yaml(corpus(CONFIG_DUMP))));
  }

  @Test
  void ztunnelDumpInYamlIsAMeshDump() throws IOException {
    assertEquals(FileKind.MESH_DUMP, kindOf("ztunnel.yaml", yaml(corpus(ZTUNNEL_DUMP))));
  }

  @Test
  void dumpSavedWithCurlHeadersIsAMeshDump() throws IOException {
    byte[] body = corpus(CONFIG_DUMP);
    byte[] headers =
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    byte[] both = new byte[headers.length + body.length];
    System.arraycopy(headers, 0, both, 0, headers.length);
    System.arraycopy(body, 0, both, headers.length, body.length);
    assertEquals(FileKind.MESH_DUMP, kindOf("dump.txt", both));
  }

  @Test
  void snapshotInYamlIsRecognisedByItsFormatField() throws IOException {
    byte[] snapshot =
        "format: meshcert-snapshot\nversion: 1\ncontexts: []\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(FileKind.MESH_SNAPSHOT, kindOf("mesh.yaml", snapshot));
  }

  @Test
  void kubernetesSecretInYamlIsForInspect() throws IOException {
    String crt =
        java.util.Base64.getEncoder()
            .encodeToString(
                new TestPki().root("CN=R").issue().pem().getBytes(StandardCharsets.US_ASCII));
    byte[] secret =
        ("apiVersion: v1\nkind: Secret\nmetadata:\n  name: istio-ca-secret\n"
                + "type: istio.io/ca-root\ndata:\n  root-cert.pem: "
                + crt
                + "\n")
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(FileKind.CERTIFICATES, kindOf("secret.yaml", secret));
  }

  @Test
  void gzipArchiveIsABugReport() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write("anything".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(FileKind.BUG_REPORT, kindOf("report.tar.gz", out.toByteArray()));
  }

  @Test
  void pemCertificateIsForInspect() throws IOException {
    String pem = new TestPki().root("CN=Root").issue().pem();
    assertEquals(
        FileKind.CERTIFICATES, kindOf("root.pem", pem.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void derCertificateIsForInspect() throws IOException {
    assertEquals(
        FileKind.CERTIFICATES, kindOf("root.der", new TestPki().root("CN=R").issue().der()));
  }

  @Test
  void envoyCertsEndpointOutputIsForInspect() throws IOException {
    assertEquals(FileKind.CERTIFICATES, kindOf("certs.json", corpus(ENVOY_CERTS)));
  }

  @Test
  void theNameDoesNotDecide() throws IOException {
    assertEquals(FileKind.MESH_DUMP, kindOf("looks-like-a.pem", corpus(CONFIG_DUMP)));
  }

  @Test
  void aFileThatCannotBeReadIsLeftToInspectToExplain() {
    assertEquals(FileKind.CERTIFICATES, FileKind.of(dir.resolve("missing.pem")));
  }
}
