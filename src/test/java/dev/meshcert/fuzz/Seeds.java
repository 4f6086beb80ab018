package dev.meshcert.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The seeds: every real file copied from the shared corpus into the test resources ({@code
 * corpus/}), the captured curl and openssl outputs ({@code probe/}) and the few keystores and
 * Kubernetes documents made from corpus certificates ({@code fuzz/seeds/}). Sorted by path, so the
 * same seed number always means the same file.
 */
final class Seeds {

  /** Larger files are left out: mutation and reading time grow with size, variety does not. */
  static final int MAX_SEED_BYTES = 256 * 1024;

  private static final List<String> ROOTS = List.of("corpus", "probe", "fuzz/seeds");

  /** One seed file. */
  record Seed(String name, byte[] bytes) {}

  private Seeds() {}

  static List<Seed> load() {
    List<Seed> seeds = new ArrayList<>();
    for (String root : ROOTS) {
      Path dir = resource(root);
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
          byte[] bytes = Files.readAllBytes(p);
          String name = root + "/" + dir.relativize(p).toString().replace('\\', '/');
          if (bytes.length > 0 && bytes.length <= MAX_SEED_BYTES && !name.endsWith("NOTICE")) {
            seeds.add(new Seed(name, bytes));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.copyOf(seeds);
  }

  static Path resource(String name) {
    URL url = Seeds.class.getResource("/" + name);
    if (url == null) {
      throw new IllegalStateException("test resource folder missing: " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
