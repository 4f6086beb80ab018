package dev.meshcert.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshcert.core.read.InputFormat;
import dev.meshcert.core.read.InputReader;
import dev.meshcert.core.read.PasswordProvider;
import dev.meshcert.core.read.Source;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mesh readers plugged into core's InputReader, as the app wires them. */
class MeshInputReaderTest {

  private final InputReader reader = new InputReader(MeshReaders.all());

  @ParameterizedTest
  @CsvSource({
    MeshCorpus.SECRET_DUMP + ", ENVOY_CONFIG_DUMP, 3",
    MeshCorpus.PROXYCONFIG_DUMP + ", ENVOY_CONFIG_DUMP, 3",
    MeshCorpus.AUTHZ_DUMP + ", ENVOY_CONFIG_DUMP, 0",
    MeshCorpus.COMPARE_DUMP + ", ENVOY_CONFIG_DUMP, 0",
    MeshCorpus.ZTUNNEL_DUMP + ", ZTUNNEL_CONFIG_DUMP, 2",
    MeshCorpus.ENVOY_CERTS + ", ENVOY_CERTS, 0",
    MeshCorpus.ENVOY_CERTS_EMPTY + ", ENVOY_CERTS, 0"
  })
  void readsEveryCorpusDumpInItsFormat(String path, InputFormat format, int certificates) {
    Source source = reader.read(path, MeshCorpus.bytes(path), PasswordProvider.none());
    assertEquals(format, source.format());
    assertEquals(certificates, source.certificates().size());
  }
}
