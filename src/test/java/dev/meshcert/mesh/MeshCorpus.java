package dev.meshcert.mesh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads corpus files copied under src/test/resources/corpus. */
public final class MeshCorpus {

  public static final String SECRET_DUMP =
      "istio/istioctl/pkg/writer/envoy/configdump/testdata/secret/istio/config_dump.json";
  public static final String SECRET_GOLDEN =
      "istio/istioctl/pkg/writer/envoy/configdump/testdata/secret/istio/output";
  public static final String PROXYCONFIG_DUMP =
      "istio/istioctl/pkg/proxyconfig/testdata/config_dump.json";
  public static final String PROXYCONFIG_SUMMARY =
      "istio/istioctl/pkg/proxyconfig/testdata/config_dump_summary.txt";
  public static final String AUTHZ_DUMP = "istio/istioctl/pkg/authz/testdata/configdump.yaml";
  public static final String COMPARE_DUMP =
      "istio/istioctl/pkg/writer/compare/testdata/configdump.json";
  public static final String ZTUNNEL_DUMP =
      "istio/istioctl/pkg/writer/ztunnel/configdump/testdata/dump.json";
  public static final String ZTUNNEL_GOLDEN =
      "istio/istioctl/pkg/writer/ztunnel/configdump/testdata/secretsummary.txt";
  public static final String ENVOY_CERTS =
      "envoy-admin-certs-samples/aws-app-mesh.howto-k8s-mtls-sds-based.green.certs.json";
  public static final String ENVOY_CERTS_EMPTY =
      "envoy-admin-certs-samples/aws-app-mesh.howto-k8s-mtls-sds-based.green-no-svid.certs.json";

  private MeshCorpus() {}

  /** The bytes of a corpus file, by its path under the corpus. */
  public static byte[] bytes(String path) {
    try (InputStream in = MeshCorpus.class.getResourceAsStream("/corpus/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("not in the test corpus: " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of a corpus file. */
  public static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }
}
