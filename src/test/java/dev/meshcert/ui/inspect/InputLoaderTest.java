package dev.meshcert.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.analysis.InspectionInput;
import dev.meshcert.ui.common.ProgressReporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputLoaderTest {

  @TempDir Path dir;
  final InputLoader loader = new InputLoader(ViewModelFixture.MESSAGES);

  @Test
  void readsAFileUnderItsAbsolutePath() throws Exception {
    Path file = Files.writeString(dir.resolve("a.pem"), "x");

    LoadResult result = loader.load(List.of(file), ProgressReporter.none());

    assertEquals(List.of(file.toAbsolutePath().toString()), names(result));
    assertEquals("x", new String(result.inputs().get(0).content()));
  }

  @Test
  void walksFoldersInNameOrder() throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/b.pem"), "b");
    Files.writeString(dir.resolve("a.pem"), "a");

    LoadResult result = loader.load(List.of(dir), ProgressReporter.none());

    assertEquals(List.of("a.pem", "b.pem"), fileNames(result));
  }

  @Test
  void skipsHiddenEntriesLikeMountedSecretLinks() throws Exception {
    Files.createDirectories(dir.resolve("..data"));
    Files.writeString(dir.resolve("..data/tls.crt"), "hidden");
    Files.writeString(dir.resolve(".hidden.pem"), "hidden");
    Files.writeString(dir.resolve("tls.crt"), "shown");

    LoadResult result = loader.load(List.of(dir), ProgressReporter.none());

    assertEquals(List.of("tls.crt"), fileNames(result));
  }

  @Test
  void refusesFilesOverTheSizeLimit() throws Exception {
    InputLoader small = new InputLoader(ViewModelFixture.MESSAGES, 10);
    Path big = Files.writeString(dir.resolve("big.pem"), "more than ten bytes");

    LoadResult result = small.load(List.of(big), ProgressReporter.none());

    assertTrue(result.inputs().isEmpty());
    assertEquals(
        "The file has 19 bytes; files over 10 bytes are not read.",
        result.failures().get(0).problems().get(0).message());
  }

  @Test
  void missingFileIsAFailureNotAnException() {
    LoadResult result = loader.load(List.of(dir.resolve("gone.pem")), ProgressReporter.none());

    assertEquals(1, result.failures().size());
    assertTrue(result.inputs().isEmpty());
  }

  @Test
  void stopsWhenCancelled() throws Exception {
    Path file = Files.writeString(dir.resolve("a.pem"), "x");
    ProgressReporter cancelled =
        new ProgressReporter() {
          @Override
          public void update(long done, long total, String message) {}

          @Override
          public boolean isCancelled() {
            return true;
          }
        };

    assertThrows(CancellationException.class, () -> loader.load(List.of(file), cancelled));
  }

  private static List<String> names(LoadResult r) {
    return r.inputs().stream().map(InspectionInput::name).toList();
  }

  private static List<String> fileNames(LoadResult r) {
    return r.inputs().stream().map(i -> Path.of(i.name()).getFileName().toString()).toList();
  }
}
