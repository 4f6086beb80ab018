package dev.meshcert.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code meshcert <subcommand> ...}. Runs without a display. */
@Command(
    name = "meshcert",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Inspect service-mesh mTLS certificates. Without arguments, opens the window.")
public final class MeshCertCli implements Runnable {

  private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Whether these arguments are for the CLI rather than the window. */
  public static boolean handles(String[] args) {
    if (args.length == 0) {
      return false;
    }
    String first = args[0];
    return TOP_LEVEL_OPTIONS.contains(first)
        || commandLine().getSubcommands().containsKey(first)
        || "help".equals(first);
  }

  /** Runs the CLI and returns the exit code. */
  public static int run(String[] args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    return new CommandLine(new MeshCertCli());
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
