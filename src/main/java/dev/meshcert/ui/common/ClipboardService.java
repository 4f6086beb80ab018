package dev.meshcert.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The system clipboard, behind an interface so view models can be tested without one. */
public interface ClipboardService {

  /** Replaces the clipboard content with this text. */
  void putText(String text);

  /** The clipboard's text, if it holds text. */
  Optional<String> text();

  /** Files on the clipboard (copied in a file manager), or none. */
  List<Path> files();
}
