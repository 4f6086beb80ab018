package dev.meshcert.ui.cluster;

import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.Problem;
import java.util.List;
import java.util.Optional;

/** Turns cluster failures into {@link Problem}s for the dialog. */
final class ClusterProblems {

  private ClusterProblems() {}

  static Problem of(Throwable error, Messages m) {
    if (error instanceof KubeException k) {
      KubeFailure f = k.failure();
      return new Problem(
          m.get("cluster.problem.title"),
          f.title(),
          f.detail().isBlank() ? List.of() : List.of(f.detail()),
          f.hints(),
          Optional.empty());
    }
    return new Problem(
            m.get("cluster.problem.title"),
            String.valueOf(error.getMessage()),
            List.of(),
            List.of(m.get("cluster.problem.retry")),
            Optional.empty())
        .withDetail(error);
  }
}
