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
