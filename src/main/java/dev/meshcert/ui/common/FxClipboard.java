package dev.meshcert.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** The system clipboard; use on the FX thread. */
public final class FxClipboard implements ClipboardService {

  @Override
  public void putText(String text) {
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    Clipboard.getSystemClipboard().setContent(content);
  }

  @Override
  public Optional<String> text() {
    Clipboard clipboard = Clipboard.getSystemClipboard();
    return clipboard.hasString() ? Optional.ofNullable(clipboard.getString()) : Optional.empty();
  }

  @Override
  public List<Path> files() {
    Clipboard clipboard = Clipboard.getSystemClipboard();
    return clipboard.hasFiles()
        ? clipboard.getFiles().stream().map(File::toPath).toList()
        : List.of();
  }
}
