package dev.meshcert.core.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the corpus files copied under src/test/resources/corpus. */
final class Corpus {
  private Corpus() {}

  /** The bytes of {@code corpus/<path>}; fails the test when the file is missing. */
  static byte[] bytes(String path) {
    try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no corpus file " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
