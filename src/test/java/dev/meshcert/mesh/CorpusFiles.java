package dev.meshcert.mesh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads corpus files copied under src/test/resources/corpus. */
public final class CorpusFiles {

  private CorpusFiles() {}

  /** The text of {@code corpus/<relative>}. */
  public static String text(String relative) {
    try (InputStream in = CorpusFiles.class.getResourceAsStream("/corpus/" + relative)) {
      if (in == null) {
        throw new IllegalArgumentException("no corpus file " + relative);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** File names in {@code corpus/<directory>} ending with {@code suffix}, sorted. */
  public static List<String> list(String directory, String suffix) {
    URL url = CorpusFiles.class.getResource("/corpus/" + directory);
    if (url == null) {
      throw new IllegalArgumentException("no corpus directory " + directory);
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(suffix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
