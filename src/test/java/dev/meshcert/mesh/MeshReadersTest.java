package dev.meshcert.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshcert.core.read.FormatReader;
import dev.meshcert.core.read.InputFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeshReadersTest {

  @ParameterizedTest
  @CsvSource({
    MeshCorpus.SECRET_DUMP + ", ENVOY_CONFIG_DUMP",
    MeshCorpus.PROXYCONFIG_DUMP + ", ENVOY_CONFIG_DUMP",
    MeshCorpus.AUTHZ_DUMP + ", ENVOY_CONFIG_DUMP",
    MeshCorpus.COMPARE_DUMP + ", ENVOY_CONFIG_DUMP",
    MeshCorpus.ZTUNNEL_DUMP + ", ZTUNNEL_CONFIG_DUMP",
    MeshCorpus.ENVOY_CERTS + ", ENVOY_CERTS",
    MeshCorpus.ENVOY_CERTS_EMPTY + ", ENVOY_CERTS"
  })
  void firstAcceptingReaderIsTheRightOne(String path, InputFormat expected) {
    byte[] content = MeshCorpus.bytes(path);
    InputFormat chosen =
        MeshReaders.all().stream()
            .filter(r -> r.accepts(content))
            .map(FormatReader::format)
            .findFirst()
            .orElse(InputFormat.UNKNOWN);
    assertEquals(expected, chosen);
  }

  @ParameterizedTest
  @CsvSource({MeshCorpus.SECRET_GOLDEN, MeshCorpus.ZTUNNEL_GOLDEN, MeshCorpus.PROXYCONFIG_SUMMARY})
  void tablesAreNotTakenForDumps(String path) {
    byte[] content = MeshCorpus.bytes(path);
    assertEquals(0, MeshReaders.all().stream().filter(r -> r.accepts(content)).count());
  }
}
