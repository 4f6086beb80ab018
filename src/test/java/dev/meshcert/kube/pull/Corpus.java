package dev.meshcert.kube.pull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Files copied from the shared corpus into src/test/resources/corpus. */
final class Corpus {

  static final String SIDECAR_DUMP =
      "istio/istioctl/pkg/writer/envoy/configdump/testdata/secret/istio/config_dump.json";
  static final String ZTUNNEL_DUMP =
      "istio/istioctl/pkg/writer/ztunnel/configdump/testdata/dump.json";
  static final String FOO_CHAIN = "istio/samples/certs/workload-foo-cert.pem";
  static final String FOO_KEY = "istio/samples/certs/workload-foo-key.pem";
  static final String SAMPLE_ROOT = "istio/samples/certs/root-cert.pem";

  private Corpus() {}

  static byte[] bytes(String path) {
    try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("not in the test corpus: " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  /** The root certificate (PEM) of {@link #SIDECAR_DUMP}: its ROOTCA secret's trusted CA. */
  static String sidecarDumpRoot() {
    String dump = text(SIDECAR_DUMP);
    int at = dump.indexOf("\"trusted_ca\"");
    int start = dump.indexOf("\"inline_bytes\": \"", at) + "\"inline_bytes\": \"".length();
    int end = dump.indexOf('"', start);
    return new String(
        java.util.Base64.getDecoder().decode(dump.substring(start, end)), StandardCharsets.UTF_8);
  }
}
