package dev.meshcert.ui.inspect;

import dev.meshcert.ui.common.FileDropTarget;
import dev.meshcert.ui.common.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Takes files, folders or PEM text dropped on the window into the Inspect screen. Text is taken
 * only when it holds a PEM block, so dropping a stray word does nothing.
 */
public final class FilesDropHandler implements FileDropTarget {

  private final InspectViewModel model;
  private final Messages messages;

  public FilesDropHandler(InspectViewModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
  }

  @Override
  public boolean accepts(List<Path> files, Optional<String> text) {
    return !files.isEmpty() || text.filter(FilesDropHandler::looksLikePem).isPresent();
  }

  @Override
  public boolean drop(List<Path> files, Optional<String> text) {
    if (!files.isEmpty()) {
      model.addPaths(files);
      return true;
    }
    Optional<String> pem = text.filter(FilesDropHandler::looksLikePem);
    pem.ifPresent(t -> model.addText(messages.get("source.dropped"), t));
    return pem.isPresent();
  }

  private static boolean looksLikePem(String text) {
    return text.contains("-----BEGIN ");
  }
}
