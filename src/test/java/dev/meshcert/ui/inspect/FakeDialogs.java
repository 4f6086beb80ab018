package dev.meshcert.ui.inspect;

import dev.meshcert.ui.common.DialogService;
import dev.meshcert.ui.common.Problem;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Dialogs answered by the test: chosen files, passwords; problems are recorded. */
final class FakeDialogs implements DialogService {

  final List<Problem> problems = new ArrayList<>();
  final List<String> passwordQuestions = new ArrayList<>();
  final Deque<String> passwordAnswers = new ArrayDeque<>();
  List<Path> filesToChoose = List.of();
  Optional<Path> folderToChoose = Optional.empty();

  @Override
  public void showProblem(Problem problem) {
    problems.add(problem);
  }

  @Override
  public Optional<char[]> askPassword(String sourceName, int attempt) {
    passwordQuestions.add(sourceName + "#" + attempt);
    String answer = passwordAnswers.poll();
    return answer == null ? Optional.empty() : Optional.of(answer.toCharArray());
  }

  @Override
  public List<Path> chooseFiles() {
    return filesToChoose;
  }

  @Override
  public Optional<Path> chooseFolder() {
    return folderToChoose;
  }
}
