package dev.meshcert.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Every dialog the application shows, so view models never touch a window. */
public interface DialogService {

  /** Shows an error with its causes and what to try. */
  void showProblem(Problem problem);

  /**
   * Asks for a keystore password. Callable from any thread: off the FX thread it waits until the
   * person has answered.
   *
   * @param sourceName the input that needs it
   * @param attempt 1 for the first question, 2 and up after a wrong password
   * @return the password, or empty when the person gave up
   */
  Optional<char[]> askPassword(String sourceName, int attempt);

  /** Lets the person pick files to open; empty when cancelled. */
  List<Path> chooseFiles();

  /** Lets the person pick a folder to open. */
  Optional<Path> chooseFolder();

  /**
   * Lets the person choose where to save a file.
   *
   * @param title the chooser's title
   * @param suggestedName the file name offered first, such as {@code meshcert-report.html}
   * @param extensions the types offered, without dots ({@code html}, {@code md}, {@code png}); the
   *     first is the default
   * @return the chosen file, or empty when cancelled
   */
  default Optional<Path> chooseSaveFile(
      String title, String suggestedName, List<String> extensions) {
    return Optional.empty();
  }
}
