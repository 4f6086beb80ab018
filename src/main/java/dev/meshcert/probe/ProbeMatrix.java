package dev.meshcert.probe;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The walkthrough's three experiments against one target, and what they say together about the mTLS
 * mode in force.
 */
public final class ProbeMatrix {

  /** What the three results say together. */
  public enum Verdict {
    STRICT("mTLS enforced: plain text refused, a client certificate required"),
    PERMISSIVE("permissive: plain text and mTLS both accepted"),
    TLS_WITHOUT_CLIENT_AUTH("TLS without client authentication: any client may connect"),
    PLAIN_TEXT_ONLY("no TLS on this port: plain text only"),
    UNREACHABLE("the target could not be reached"),
    INCONCLUSIVE("the results do not match a known mode; read each transcript");

    private final String title;

    Verdict(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  /** The three results in experiment order, and the verdict. */
  public record Result(List<ProbeResult> results, Verdict verdict) {
    public Result {
      results = List.copyOf(results);
    }
  }

  private ProbeMatrix() {}

  /** Runs the three experiments one after another. */
  public static Result run(
      ProbeTarget target,
      Optional<ClientIdentity> identity,
      List<X509Certificate> roots,
      Clock clock) {
    List<ProbeResult> results = new ArrayList<>();
    for (Experiment e : Experiment.values()) {
      results.add(new MtlsProbe(e, target, identity, roots, clock).run());
    }
    return new Result(results, verdict(results));
  }

  /** The verdict for results in experiment order (plain, TLS without, TLS with identity). */
  public static Verdict verdict(List<ProbeResult> results) {
    Outcome plain = results.get(0).outcome();
    Outcome noCert = results.get(1).outcome();
    Outcome withId = results.size() > 2 ? results.get(2).outcome() : noCert;
    if (plain == Outcome.CONNECTION_REFUSED
        || plain == Outcome.PORT_FORWARD_FAILED
        || plain == Outcome.CONNECT_TIMEOUT
        || plain == Outcome.UNKNOWN_HOST) {
      return Verdict.UNREACHABLE;
    }
    if (plain == Outcome.PLAIN_TEXT_ACCEPTED && noCert == Outcome.NOT_TLS) {
      return Verdict.PLAIN_TEXT_ONLY;
    }
    if (plain == Outcome.PLAIN_TEXT_ACCEPTED && withId == Outcome.MUTUAL_TLS_ESTABLISHED) {
      return Verdict.PERMISSIVE;
    }
    if (plain == Outcome.PLAIN_TEXT_REFUSED && noCert == Outcome.CLIENT_CERTIFICATE_REQUIRED) {
      return Verdict.STRICT;
    }
    if (noCert == Outcome.TLS_WITHOUT_CLIENT_CERTIFICATE_ACCEPTED
        && withId == Outcome.TLS_WITHOUT_CLIENT_CERTIFICATE_ACCEPTED) {
      return Verdict.TLS_WITHOUT_CLIENT_AUTH;
    }
    return Verdict.INCONCLUSIVE;
  }
}
