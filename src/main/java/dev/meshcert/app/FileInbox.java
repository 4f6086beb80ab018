package dev.meshcert.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Files handed over by later launches, kept until the window is ready to open them. Thread-safe:
 * the single-instance listener delivers on its own thread.
 */
final class FileInbox {

  private final List<List<Path>> waiting = new ArrayList<>();
  private Consumer<List<Path>> target;

  synchronized void deliver(List<Path> files) {
    if (target == null) {
      waiting.add(files);
    } else {
      target.accept(files);
    }
  }

  synchronized void connect(Consumer<List<Path>> window) {
    target = window;
    waiting.forEach(window);
    waiting.clear();
  }
}
