package dev.meshcert.fuzz;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The long fuzz run, outside Maven (so a build in the same tree does not disturb it). Arguments:
 * {@code ITERATIONS SEED [BUDGET_SECONDS]}; the report goes to stdout and failing inputs to {@code
 * target/fuzz/failures/}. Exit code 1 when anything failed. See docs/fuzzing.md for the command.
 */
public final class FuzzMain {

  private FuzzMain() {}

  public static void main(String[] args) {
    int iterations = Integer.parseInt(args[0]);
    long seed = Long.parseLong(args[1]);
    long budget = args.length > 2 ? Long.parseLong(args[2]) : 0;
    FuzzRunner.Config config =
        new FuzzRunner.Config(
            seed,
            iterations,
            -1,
            Duration.ofSeconds(5),
            Duration.ofSeconds(budget),
            Path.of("target", "fuzz", "failures"));
    FuzzRunner.Result result = new FuzzRunner(Targets.all()).run(Seeds.load(), config);
    System.out.println(FuzzReport.text(config, result));
    System.exit(result.failures().isEmpty() ? 0 : 1);
  }
}
