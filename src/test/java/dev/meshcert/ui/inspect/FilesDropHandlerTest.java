package dev.meshcert.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesDropHandlerTest {

  @TempDir Path dir;
  final Certs certs = new Certs();
  final ViewModelFixture f = new ViewModelFixture();
  final FilesDropHandler handler = new FilesDropHandler(f.model, ViewModelFixture.MESSAGES);

  @Test
  void acceptsFiles() {
    assertTrue(handler.accepts(List.of(dir.resolve("a.pem")), Optional.empty()));
  }

  @Test
  void acceptsTextWithAPemBlock() {
    assertTrue(handler.accepts(List.of(), Optional.of(certs.root.pem())));
  }

  @Test
  void refusesPlainText() {
    assertFalse(handler.accepts(List.of(), Optional.of("hello")));
  }

  @Test
  void droppedFilesAreLoaded() {
    Path file = Certs.write(dir, "a.pem", certs.root);

    assertTrue(handler.drop(List.of(file), Optional.of("ignored")));

    assertEquals(List.of(file.toString()), f.model.sourceNames());
  }

  @Test
  void droppedPemTextBecomesASource() {
    assertTrue(handler.drop(List.of(), Optional.of(certs.root.pem())));

    assertEquals(List.of("dropped text"), f.model.sourceNames());
  }

  @Test
  void droppedPlainTextIsNotTaken() {
    assertFalse(handler.drop(List.of(), Optional.of("hello")));

    assertTrue(f.model.sourceNames().isEmpty());
  }
}
