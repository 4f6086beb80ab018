package dev.meshcert.ui.cluster;

import dev.meshcert.ui.common.DialogService;
import dev.meshcert.ui.common.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Dialogs that record the problems shown. */
final class RecordingDialogs implements DialogService {

  final List<Problem> problems = new ArrayList<>();

  @Override
  public void showProblem(Problem problem) {
    problems.add(problem);
  }

  @Override
  public Optional<char[]> askPassword(String sourceName, int attempt) {
    return Optional.empty();
  }

  @Override
  public List<Path> chooseFiles() {
    return List.of();
  }

  @Override
  public Optional<Path> chooseFolder() {
    return Optional.empty();
  }
}
