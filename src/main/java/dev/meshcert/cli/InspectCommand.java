package dev.meshcert.cli;

import dev.meshcert.core.analysis.Analysis;
import dev.meshcert.core.analysis.InspectOptions;
import dev.meshcert.core.analysis.Inspector;
import dev.meshcert.core.finding.ExpectedIdentity;
import dev.meshcert.core.finding.MeshProfile;
import dev.meshcert.core.read.PasswordProvider;
import dev.meshcert.core.read.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code meshcert inspect}: reads files (or stdin), builds chains across all of them, and prints
 * the analysis as text or JSON. Exit codes: 0 everything read and no error finding, 1 an
 * error-level finding, 2 an input that could not be read at all.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Decode certificates, build chains across all inputs, judge expiry, SPIFFE IDs and trust.",
      "FILE may be a file, a folder (its files), or - for standard input."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every input was read and no error-level finding",
      "1:an error-level finding (a certificate or chain has an ERROR)",
      "2:an input could not be read at all, or bad usage"
    })
final class InspectCommand implements Callable<Integer> {

  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int UNREADABLE = 2;

  @Option(names = "--json", description = "Print JSON (see docs/json-format.md) instead of text.")
  boolean json;

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      description =
          "Judge expiry at this instant (ISO-8601, e.g. 2026-12-04T00:00:00Z) instead of now.")
  String at;

  @Option(
      names = "--password",
      paramLabel = "PW",
      description = "Password for PKCS#12 and JKS inputs (an empty one is always tried first).")
  String password;

  @Option(
      names = "--trust",
      paramLabel = "FILE",
      description = "Trust anchors to verify chains against (repeatable; any input format).")
  List<String> trust = new ArrayList<>();

  @Option(
      names = "--profile",
      paramLabel = "MESH",
      description =
          "Judge by this mesh's rules instead of detecting them: istio, istio:TRUST_DOMAIN,"
              + " linkerd, linkerd:TRUST_DOMAIN, spiffe.")
  String profile;

  @Option(
      names = "--expect-identity",
      paramLabel = "NS/SA",
      description = "The pod's namespace and service account; a leaf naming another is an error.")
  String expectIdentity;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Inputs; - reads stdin.")
  List<String> files = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Supplier<Inspector> inspector;
  private final InputStream stdin;
  private final Clock clock;
  private final long maxInputBytes;

  InspectCommand(
      Supplier<Inspector> inspector, InputStream stdin, Clock clock, long maxInputBytes) {
    this.inspector = inspector;
    this.stdin = stdin;
    this.clock = clock;
    this.maxInputBytes = maxInputBytes;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Clock when;
    try {
      when = at == null ? clock : Clock.fixed(Instant.parse(at), ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      err.println(
          "meshcert inspect: --at must be an ISO-8601 instant such as 2026-12-04T00:00:00Z");
      err.flush();
      return UNREADABLE;
    }
    Optional<InspectOptions> lintOptions = lintOptions(InspectOptions.at(when), err);
    if (lintOptions.isEmpty()) {
      return UNREADABLE;
    }
    InputFiles reader = new InputFiles(stdin, maxInputBytes);
    InputFiles.Gathered inputs = reader.gather(files);
    InputFiles.Gathered anchors = reader.gather(trust);
    InspectOptions options =
        lintOptions
            .get()
            .withPasswords(
                password == null
                    ? PasswordProvider.none()
                    : PasswordProvider.fixed(password.toCharArray()))
            .withTrustAnchors(anchors.inputs());
    Analysis analysis = inspector.get().inspect(inputs.inputs(), options);

    List<String> unread = new ArrayList<>(inputs.failures());
    anchors.failures().forEach(f -> unread.add("--trust " + f));
    for (Source s : analysis.sources()) {
      unreadable(s).ifPresent(unread::add);
    }
    for (Source s : analysis.trustSources()) {
      unreadable(s).ifPresent(r -> unread.add("--trust " + r));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonReport.write(analysis, unread, out);
    } else {
      TextReport.write(analysis, out);
    }
    for (String line : unread) {
      err.println("meshcert inspect: cannot read " + line);
    }
    err.flush();
    if (!unread.isEmpty()) {
      return UNREADABLE;
    }
    return analysis.hasErrors() ? FINDINGS : OK;
  }

  /** The options with --profile and --expect-identity applied; empty after a usage error. */
  private Optional<InspectOptions> lintOptions(InspectOptions options, PrintWriter err) {
    if (profile != null) {
      Optional<MeshProfile> mesh = Profiles.parse(profile);
      if (mesh.isEmpty()) {
        err.println(
            "meshcert inspect: --profile must be istio, istio:TRUST_DOMAIN, linkerd,"
                + " linkerd:TRUST_DOMAIN or spiffe");
        err.flush();
        return Optional.empty();
      }
      options = options.withProfile(mesh.get());
    }
    if (expectIdentity != null) {
      String[] parts = expectIdentity.split("/", -1);
      if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
        err.println("meshcert inspect: --expect-identity must be NAMESPACE/SERVICE_ACCOUNT");
        err.flush();
        return Optional.empty();
      }
      options = options.withExpectedIdentity(new ExpectedIdentity(parts[0], parts[1]));
    }
    return Optional.of(options);
  }

  /** "name: reason" when nothing useful could be read from the source. */
  private static Optional<String> unreadable(Source s) {
    if (!Analysis.unread(s)) {
      return Optional.empty();
    }
    return Optional.of(s.name() + ": " + s.problems().get(0));
  }
}
