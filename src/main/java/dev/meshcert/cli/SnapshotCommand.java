package dev.meshcert.cli;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.ClusterConnector;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.pull.MeshCertificateScanner;
import dev.meshcert.kube.pull.ScanResult;
import dev.meshcert.kube.pull.Snapshot;
import dev.meshcert.kube.pull.SnapshotFiles;
import dev.meshcert.probe.StreamHandshake;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code meshcert snapshot save|open}: save what a scan of a cluster (or the demo) saw, chains and
 * findings included, to one file (docs/snapshot-format.md), and open such a file, an {@code
 * istioctl bug-report} archive or a loose config_dump / ztunnel dump without a cluster.
 */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description = "Save a mesh's certificates to a snapshot file, or open one without a cluster.")
final class SnapshotCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The command with its two subcommands. */
  static CommandLine create(Clock clock) {
    return new CommandLine(new SnapshotCommand())
        .addSubcommand(new Save(clock))
        .addSubcommand(new Open(clock));
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static SnapshotFiles files(Clock clock) {
    return new SnapshotFiles(clock, "meshcert " + VersionProvider.version());
  }

  /** {@code meshcert snapshot save FILE}. */
  @Command(
      name = "save",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Scan a cluster (or --demo), pull every meshed pod's certificates and save everything seen",
        "to FILE: contexts, pods, policies, chains, findings. Never private keys or tokens."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:saved", "2:the cluster could not be read or the file not written"})
  static final class Save implements Callable<Integer> {
    private final Clock clock;

    @Parameters(index = "0", paramLabel = "FILE", description = "Where to save (JSON).")
    Path file;

    @Mixin PullOptions pull = new PullOptions();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    Save(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (ClusterConnector connector = PullOptions.connector(clock)) {
        ClusterConnection cluster = pull.connect(connector);
        ScanResult result =
            new MeshCertificateScanner(clock, new StreamHandshake())
                .scan(
                    cluster,
                    pull.target(),
                    pull.scanOptions(clock),
                    new Progress(err),
                    Cancellation.none());
        SnapshotFiles files = files(clock);
        files.save(files.of(List.of(result)), file);
        out.println(
            "Saved "
                + result.pods().size()
                + " pods of "
                + result.cluster()
                + " ("
                + result.pulled().size()
                + " chains pulled) to "
                + file);
        out.flush();
        return 0;
      } catch (KubeException e) {
        err.println("meshcert: " + e.failure().title());
        e.failure().hints().forEach(h -> err.println("  - " + h));
        err.flush();
        return 2;
      } catch (IOException | IllegalArgumentException e) {
        err.println("meshcert: " + e.getMessage());
        err.flush();
        return 2;
      }
    }
  }

  /** {@code meshcert snapshot open FILE}. */
  @Command(
      name = "open",
      mixinStandardHelpOptions = true,
      description = {
        "Open a snapshot, an istioctl bug-report archive (.tar.gz) or a loose Envoy config_dump /",
        "ztunnel dump (JSON), and print the chains and findings. Needs no cluster."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:no failed pod, no error-level finding, no DestinationRule contradiction",
        "1:a pod failed, a chain has an error-level finding or a DestinationRule contradicts a"
            + " server's mTLS",
        "2:the file cannot be read"
      })
  static final class Open implements Callable<Integer> {
    private final Clock clock;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to open.")
    Path file;

    @Option(
        names = {"-v", "--verbose"},
        description = "Also skipped pods, every attempt, INFO findings.")
    boolean verbose;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    Open(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        Snapshot s = files(clock).open(file);
        out.println(
            file
                + ": snapshot format "
                + s.version()
                + ", saved "
                + s.savedAt()
                + " by "
                + s.savedBy());
        s.problems().forEach(p -> out.println("! " + p));
        boolean problems = false;
        for (ScanResult r : s.contexts()) {
          out.println();
          PullReport.print(r, verbose, out);
          ScanText.conflicts(r.mesh().tlsConflicts(), out);
          problems |= PullReport.hasProblems(r) || !r.mesh().tlsConflicts().isEmpty();
        }
        out.flush();
        return problems ? 1 : 0;
      } catch (IOException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("meshcert: " + file + ": " + e.getMessage());
        err.flush();
        return 2;
      }
    }
  }

  /** "n of m: pod" on standard error while a scan runs. */
  record Progress(PrintWriter err) implements dev.meshcert.kube.pull.ScanListener {
    @Override
    public void podFinished(dev.meshcert.kube.pull.PodPull result, int done, int total) {
      synchronized (err) {
        err.println("[" + done + "/" + total + "] " + result.ref() + " " + result.status());
        err.flush();
      }
    }
  }
}
