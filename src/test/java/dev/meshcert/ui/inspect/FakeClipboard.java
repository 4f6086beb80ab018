package dev.meshcert.ui.inspect;

import dev.meshcert.ui.common.ClipboardService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A clipboard in memory. */
final class FakeClipboard implements ClipboardService {

  String text;
  List<Path> files = List.of();

  @Override
  public void putText(String t) {
    text = t;
    files = List.of();
  }

  @Override
  public Optional<String> text() {
    return Optional.ofNullable(text);
  }

  @Override
  public List<Path> files() {
    return files;
  }
}
