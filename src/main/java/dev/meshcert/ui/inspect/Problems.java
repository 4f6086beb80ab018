package dev.meshcert.ui.inspect;

import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.Problem;
import java.util.List;
import java.util.Optional;

/** The problems the Inspect screen can report, explained. */
final class Problems {
  private Problems() {}

  static Problem readFailed(Messages m, Throwable e) {
    return new Problem(
            m.get("problem.read.title"),
            m.get("problem.read.what", message(e)),
            List.of(m.get("problem.read.cause1"), m.get("problem.read.cause2")),
            List.of(m.get("problem.read.try1"), m.get("problem.read.try2")),
            Optional.empty())
        .withDetail(e);
  }

  static Problem inspectFailed(Messages m, Throwable e) {
    return new Problem(
            m.get("problem.inspect.title"),
            m.get("problem.inspect.what", message(e)),
            List.of(m.get("problem.inspect.cause1")),
            List.of(m.get("problem.inspect.try1"), m.get("problem.inspect.try2")),
            Optional.empty())
        .withDetail(e);
  }

  private static String message(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
