package dev.meshcert.fuzz;

import dev.meshcert.core.analysis.Analysis;
import dev.meshcert.core.analysis.InspectOptions;
import dev.meshcert.core.analysis.InspectionInput;
import dev.meshcert.core.analysis.Inspector;
import dev.meshcert.core.cert.CertificateDecodeException;
import dev.meshcert.core.cert.CertificateDecoder;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.read.CertificateEntry;
import dev.meshcert.core.read.FormatReader;
import dev.meshcert.core.read.InputReader;
import dev.meshcert.core.read.PasswordProvider;
import dev.meshcert.core.read.ReadProblem;
import dev.meshcert.core.read.Source;
import dev.meshcert.mesh.MeshReaders;
import dev.meshcert.probe.CurlOutput;
import dev.meshcert.probe.Experiment;
import dev.meshcert.probe.OpensslOutput;
import dev.meshcert.probe.ProbeResult;
import dev.meshcert.probe.ProbeTarget;
import dev.meshcert.testpki.TestPki;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every fuzz input is run through, each with its property. A target throws {@link Violation}
 * (or lets an unexpected throwable escape) when the property does not hold.
 */
final class Targets {

  /** Passwords of the corpus keystores, offered one per attempt (then none). */
  static final List<String> PASSWORDS = List.of("password", "cryptography", "changeit");

  private static final ProbeTarget PROBE_TARGET = ProbeTarget.of("details.bookinfo", 9080);
  private static final Pattern EXIT = Pattern.compile("exit=(\\d{1,3})\\s*$");

  /** A broken promise, as opposed to a crash. */
  static final class Violation extends RuntimeException {
    Violation(String message) {
      super(message);
    }
  }

  /** One thing to run an input through. */
  interface Target {
    String name();

    void run(byte[] input) throws Exception;
  }

  private Targets() {}

  static PasswordProvider passwords() {
    return (name, attempt) ->
        attempt >= 1 && attempt <= PASSWORDS.size()
            ? Optional.of(PASSWORDS.get(attempt - 1).toCharArray())
            : Optional.empty();
  }

  /**
   * InputReader with the mesh readers, every reader on its own (accepts and read, whatever accepts
   * says), the certificate decoder, the full inspection, the two tool-output parsers and the
   * cluster-side readers of {@link ClusterTargets}.
   */
  static List<Target> all() {
    List<Target> targets = new ArrayList<>();
    InputReader input = new InputReader(MeshReaders.all());
    LastRead last = new LastRead(input);
    targets.add(target("InputReader", b -> checkSource(last.read("fuzz", b, passwords()))));
    for (FormatReader reader : input.readers()) {
      targets.add(
          target(
              reader.getClass().getSimpleName(),
              b -> {
                reader.accepts(b);
                checkSource(reader.read("fuzz", b, passwords()));
              }));
    }
    targets.add(target("CertificateDecoder", Targets::decode));
    Inspector inspector = new Inspector(last::read);
    InspectOptions options = InspectOptions.at(TestPki.CLOCK).withPasswords(passwords());
    targets.add(
        target(
            "Inspector",
            b -> {
              Analysis a = inspector.inspect(List.of(new InspectionInput("fuzz", b)), options);
              check(a.sources().size() == 1, "one source per input");
              a.findings().forEach(f -> check(f != null, "finding"));
            }));
    targets.add(target("CurlOutput", b -> toolOutput(b, true)));
    targets.add(target("OpensslOutput", b -> toolOutput(b, false)));
    targets.addAll(ClusterTargets.all());
    return List.copyOf(targets);
  }

  /**
   * Remembers the source read last, so the inspection does not read the same bytes again (it would
   * only double the time; the reading itself is its own target).
   */
  private static final class LastRead {
    private final InputReader reader;
    private byte[] content;
    private Source source;

    LastRead(InputReader reader) {
      this.reader = reader;
    }

    synchronized Source read(String name, byte[] bytes, PasswordProvider passwords) {
      if (bytes != content) {
        source = reader.read(name, bytes, passwords);
        content = bytes;
      }
      return source;
    }
  }

  interface Body {
    void run(byte[] input) throws Exception;
  }

  static Target target(String name, Body body) {
    return new Target() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void run(byte[] input) throws Exception {
        body.run(input);
      }
    };
  }

  /** Readers never throw and never return null: everything they have to say is in the source. */
  static void checkSource(Source s) {
    check(s != null, "null source");
    check("fuzz".equals(s.name()), "source renamed: " + s.name());
    check(s.format() != null, "null format");
    for (ReadProblem p : s.problems()) {
      check(p != null && p.location() != null && p.message() != null, "null in a problem");
      check(!p.message().isBlank(), "a problem without a message");
    }
    for (CertificateEntry c : s.certificates()) {
      check(c != null && c.certificate() != null && c.location() != null, "null certificate");
      touch(c.certificate());
    }
    s.keys().forEach(k -> check(k != null, "null key entry"));
    s.metadata().forEach(m -> check(m != null, "null metadata entry"));
    check(s.summary() != null, "null summary");
  }

  /** The decoder throws its own checked exception and nothing else. */
  private static void decode(byte[] b) {
    try {
      touch(new CertificateDecoder().decode(b));
    } catch (CertificateDecodeException e) {
      check(e.getMessage() != null && !e.getMessage().isBlank(), "decode error without message");
    }
  }

  /** The derived values the tree and the reports show. */
  private static void touch(CertificateFacts f) {
    check(f.sha256().length() == 64, "sha256");
    f.serialHex();
    f.displayName();
    f.commonName();
    f.spiffeUri();
    f.uriSans();
    f.dnsSans();
    f.lifetime();
    f.selfIssued();
    f.subjectEmpty();
    check(f.toString() != null, "toString");
  }

  /** Both parsers take any text with any exit code, for every experiment. */
  private static void toolOutput(byte[] b, boolean curl) {
    String text = new String(b, StandardCharsets.UTF_8);
    Matcher m = EXIT.matcher(text.length() > 64 ? text.substring(text.length() - 64) : text);
    int exit = m.find() ? Integer.parseInt(m.group(1)) : (b.length == 0 ? 0 : b[0] & 0x3f);
    for (Experiment e : Experiment.values()) {
      boolean cert = e == Experiment.TLS_WITH_IDENTITY;
      ProbeResult r =
          curl
              ? CurlOutput.parse(text, exit, e, PROBE_TARGET, cert)
              : OpensslOutput.parse(text, exit, e, PROBE_TARGET, cert);
      check(r != null && r.outcome() != null, "no outcome");
      check(r.transcriptText() != null, "no transcript");
    }
  }

  static void check(boolean ok, String what) {
    if (!ok) {
      throw new Violation(what);
    }
  }
}
