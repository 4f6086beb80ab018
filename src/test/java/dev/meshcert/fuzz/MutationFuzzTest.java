package dev.meshcert.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The bounded fuzz run CI does on every build: the seeds as they are, then mutants of them, through
 * every reader, the decoder, the inspection and the tool-output parsers. Longer runs use the same
 * test with system properties (see docs/fuzzing.md):
 *
 * <pre>
 * ./mvnw -B -o test -Dtest=MutationFuzzTest -Dfuzz.iterations=200000 -Dfuzz.seed=7
 * ./mvnw -B -o test -Dtest=MutationFuzzTest -Dfuzz.seed=7 -Dfuzz.only=1234   (replay one input)
 * </pre>
 *
 * The report (counts, slowest calls, peak heap) is written to {@code target/fuzz/report.txt};
 * failing inputs to {@code target/fuzz/failures/}.
 */
class MutationFuzzTest {

  /** Tuned for about a minute and a half on a 2-core machine. */
  static final int CI_ITERATIONS = 3000;

  static final long CI_SEED = 20261204L;

  /**
   * Mutants stop being started after this long, so a loaded CI machine runs fewer of them rather
   * than taking longer; the report says how many ran. {@code -Dfuzz.budgetSeconds=0} removes it.
   */
  static final long CI_BUDGET_SECONDS = 90;

  @Test
  void noReaderCrashesHangsOrRunsOutOfMemoryOnMutatedCorpus() throws IOException {
    FuzzRunner.Config config =
        new FuzzRunner.Config(
            Long.getLong("fuzz.seed", CI_SEED),
            Integer.getInteger("fuzz.iterations", CI_ITERATIONS),
            Long.getLong("fuzz.only", -1L),
            Duration.ofSeconds(Long.getLong("fuzz.timeoutSeconds", 5L)),
            Duration.ofSeconds(Long.getLong("fuzz.budgetSeconds", CI_BUDGET_SECONDS)),
            Path.of("target", "fuzz", "failures"));
    FuzzRunner.Result result = new FuzzRunner(Targets.all()).run(Seeds.load(), config);
    String report = FuzzReport.text(config, result);
    Files.createDirectories(Path.of("target", "fuzz"));
    Files.writeString(Path.of("target", "fuzz", "report.txt"), report);
    assertTrue(result.failures().isEmpty(), report);
  }
}
