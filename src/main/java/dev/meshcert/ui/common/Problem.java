package dev.meshcert.ui.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;

/**
 * An error explained for a person: what happened, the likely causes, what to try, and technical
 * detail kept folded.
 *
 * @param title a short headline
 * @param whatHappened one or two sentences
 * @param causes likely causes, most likely first
 * @param whatToTry things to try, in order
 * @param detail technical detail (a stack trace), shown only on request
 */
public record Problem(
    String title,
    String whatHappened,
    List<String> causes,
    List<String> whatToTry,
    Optional<String> detail) {

  public Problem {
    causes = List.copyOf(causes);
    whatToTry = List.copyOf(whatToTry);
  }

  /** The same problem with the stack trace of {@code error} as its detail. */
  public Problem withDetail(Throwable error) {
    StringWriter w = new StringWriter();
    error.printStackTrace(new PrintWriter(w));
    return new Problem(title, whatHappened, causes, whatToTry, Optional.of(w.toString()));
  }
}
