package dev.meshcert.cli;

import dev.meshcert.core.analysis.Inspector;
import dev.meshcert.core.read.InputReader;
import dev.meshcert.mesh.MeshReaders;
import java.io.InputStream;
import java.time.Clock;
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
  private static final Set<String> SUBCOMMANDS =
      Set.of("inspect", "probe", "scan", "snapshot", "help");

  /** Exit code for a failure that is a bug rather than bad input. */
  static final int INTERNAL_ERROR = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Whether these arguments are for the CLI rather than the window. */
  public static boolean handles(String[] args) {
    if (args.length == 0) {
      return false;
    }
    return TOP_LEVEL_OPTIONS.contains(args[0]) || SUBCOMMANDS.contains(args[0]);
  }

  /** Runs the CLI on the process's streams and clock and returns the exit code. */
  public static int run(String[] args) {
    return commandLine(System.in, Clock.systemUTC()).execute(args);
  }

  /** The command tree, reading standard input from {@code stdin} and "now" from {@code clock}. */
  static CommandLine commandLine(InputStream stdin, Clock clock) {
    CommandLine cli = new CommandLine(new MeshCertCli());
    cli.addSubcommand(
        new InspectCommand(MeshCertCli::inspector, stdin, clock, InputReader.MAX_INPUT_BYTES));
    cli.addSubcommand(
        new ProbeCommand(ProbeCommandSupport.Connector.fromEnvironment(clock), clock));
    cli.addSubcommand(
        new ScanCommand(
            options -> dev.meshcert.kube.ClusterConnector.fromEnvironment(options, clock), clock));
    cli.addSubcommand("snapshot", SnapshotCommand.create(clock));
    cli.addSubcommand(new CommandLine.HelpCommand());
    cli.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          // A bug, not bad input: say so in one line rather than with a stack trace.
          command.getErr().println("meshcert: internal error: " + firstLine(e));
          command.getErr().flush();
          return INTERNAL_ERROR;
        });
    return cli;
  }

  /** Built only when a command runs, so --help and --version load no cryptography. */
  private static Inspector inspector() {
    return new Inspector(new InputReader(MeshReaders.all())::read);
  }

  private static String firstLine(Exception e) {
    String s = e.toString();
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
