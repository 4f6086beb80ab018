package dev.meshcert.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.read.InputFormat;
import dev.meshcert.core.read.InputReader;
import dev.meshcert.core.read.JksReader;
import dev.meshcert.core.read.Source;
import dev.meshcert.mesh.MeshReaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every input the fuzzer ever broke something with (src/test/resources/fuzz/regressions, described
 * in the README there) goes through every target again, plus one test per fix for its message.
 */
class FuzzRegressionTest {

  static Stream<String> regressions() throws IOException {
    try (Stream<Path> files = Files.list(Seeds.resource("fuzz/regressions"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.equals("README.md"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("regressions")
  void regressionInputPassesEveryTarget(String file) throws IOException {
    Seeds.Seed seed = new Seeds.Seed(file, bytes(file));
    FuzzRunner.Config config =
        new FuzzRunner.Config(
            0,
            0,
            -1,
            Duration.ofSeconds(5),
            Duration.ZERO,
            Path.of("target", "fuzz", "regressions"));
    FuzzRunner.Result result = new FuzzRunner(Targets.all()).run(List.of(seed), config);
    assertTrue(result.failures().isEmpty(), FuzzReport.text(config, result));
  }

  @Test
  void jksReaderRefusesContentWithoutTheKeystoreMagicNumber() throws IOException {
    Source s =
        new JksReader()
            .read("fuzz", bytes("jks-ber-indefinite-nesting-50k.bin"), Targets.passwords());
    assertEquals(
        "not a JKS or JCEKS keystore: no keystore magic number", s.problems().get(0).message());
  }

  @Test
  void jceksWithDeeplyNestedCertificateIsAProblemNotAStackOverflow() throws IOException {
    Source s =
        new JksReader()
            .read("fuzz", bytes("jceks-certificate-ber-nesting-20k.jceks"), Targets.passwords());
    assertTrue(s.certificates().isEmpty());
    assertTrue(
        s.problems().get(0).message().startsWith("not a readable JCEKS keystore"),
        s.problems().toString());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"yaml-duplicate-keys-secret.yaml", "yaml-duplicate-keys-config-dump.yaml"})
  void duplicateYamlKeysAreNotLoggedOneByOne(String file) throws IOException {
    Logger snakeyaml = Logger.getLogger("org.yaml.snakeyaml");
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    snakeyaml.addHandler(handler);
    try {
      Source s = new InputReader(MeshReaders.all()).read(file, bytes(file), Targets.passwords());
      assertTrue(s.format() != InputFormat.UNKNOWN, s.summary());
    } finally {
      snakeyaml.removeHandler(handler);
    }
    assertEquals(
        0, records.size(), records.isEmpty() ? "" : "first: " + records.get(0).getMessage());
  }

  private static byte[] bytes(String file) throws IOException {
    return Files.readAllBytes(Seeds.resource("fuzz/regressions").resolve(file));
  }
}
