package dev.meshcert.probe;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.probe.Handshake.ServerVerification.Status;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/** Turns what happened during a probe into an {@link Outcome}. */
final class Classifier {
  private static final Pattern ALERT = Pattern.compile("fatal alert: ([a-z_]+)");

  private Classifier() {}

  /** The server answered plain HTTP; nginx and other TLS servers answer 400 to say "use TLS". */
  static Outcome plainAnswer(HttpExchange http) {
    return http.status() == 400
            && http.bodyPreview().contains("plain HTTP request was sent to HTTPS")
        ? Outcome.PLAIN_TEXT_REFUSED
        : Outcome.PLAIN_TEXT_ACCEPTED;
  }

  /** The server answered over HTTP after a TLS handshake. */
  static Outcome success(Experiment experiment, MtlsProbe.Attempt a, ProbeTarget target) {
    if (a.http.status() == 400 && a.http.bodyPreview().contains("No required SSL certificate")) {
      return Outcome.CLIENT_CERTIFICATE_REQUIRED;
    }
    if (a.http.status() == 400 && a.http.bodyPreview().contains("SSL certificate error")) {
      return Outcome.CLIENT_CERTIFICATE_REJECTED;
    }
    if (experiment == Experiment.TLS_WITH_IDENTITY) {
      if (identityMismatch(a)) {
        return Outcome.SERVER_IDENTITY_MISMATCH;
      }
      if (a.trust.verification().status() == Status.EXPIRED) {
        return Outcome.SERVER_CERTIFICATE_EXPIRED;
      }
      if (a.trust.verification().status() == Status.FAILED) {
        return Outcome.SERVER_CERTIFICATE_UNTRUSTED;
      }
      return a.keys.sent()
          ? Outcome.MUTUAL_TLS_ESTABLISHED
          : Outcome.TLS_WITHOUT_CLIENT_CERTIFICATE_ACCEPTED;
    }
    return Outcome.TLS_WITHOUT_CLIENT_CERTIFICATE_ACCEPTED;
  }

  private static boolean identityMismatch(MtlsProbe.Attempt a) {
    Optional<String> expected = a.expectedSpiffeId();
    if (expected.isEmpty()) {
      return false;
    }
    List<CertificateFacts> chain = MtlsProbe.decoded(a.trust.chain());
    return chain.isEmpty()
        || chain.get(0).spiffeUri().map(id -> !id.equals(expected.get())).orElse(true);
  }

  /** The probe ended with an exception. */
  static Outcome failure(Experiment experiment, MtlsProbe.Attempt a, Exception e) {
    if (e instanceof UnknownHostException) {
      return Outcome.UNKNOWN_HOST;
    }
    if (e instanceof ConnectException) {
      return Outcome.CONNECTION_REFUSED;
    }
    if (e instanceof SocketTimeoutException) {
      return a.transcript.lines().stream().anyMatch(l -> l.text().startsWith("Connected to"))
          ? Outcome.READ_TIMEOUT
          : Outcome.CONNECT_TIMEOUT;
    }
    if (experiment == Experiment.PLAIN_HTTP) {
      // reset, closed, or TLS bytes instead of HTTP: the port wants TLS
      return Outcome.PLAIN_TEXT_REFUSED;
    }
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (e instanceof SSLException
        && !a.handshakeDone
        && (message.contains("unrecognized ssl message")
            || message.contains("plaintext connection")
            || message.contains("unsupported or unrecognized"))) {
      return Outcome.NOT_TLS;
    }
    Optional<String> alert = alert(e);
    if (alert.isPresent()) {
      a.transcript.info("TLS alert from server: " + alert.get());
      return fromAlert(alert.get(), a);
    }
    if (e instanceof SocketException || e instanceof EOFException || e instanceof SSLException) {
      if (a.keys.requested() && !a.keys.sent()) {
        return Outcome.CLIENT_CERTIFICATE_REQUIRED;
      }
      if (a.keys.sent()) {
        return Outcome.CLIENT_CERTIFICATE_REJECTED;
      }
    }
    return Outcome.HANDSHAKE_FAILED;
  }

  private static Outcome fromAlert(String alert, MtlsProbe.Attempt a) {
    return alertOutcome(alert, a.keys.requested(), a.keys.sent());
  }

  /**
   * The outcome a TLS alert from the server means.
   *
   * @param alert the alert name as in RFC 8446 ("certificate_required", "unknown_ca")
   * @param requested whether the server asked for a client certificate
   * @param sent whether the client sent one
   */
  static Outcome alertOutcome(String alert, boolean requested, boolean sent) {
    return switch (alert) {
      case "certificate_required" -> Outcome.CLIENT_CERTIFICATE_REQUIRED;
      case "unknown_ca" ->
          sent ? Outcome.CLIENT_CERTIFICATE_REJECTED_UNKNOWN_CA : Outcome.HANDSHAKE_FAILED;
      case "bad_certificate",
          "certificate_expired",
          "certificate_unknown",
          "unsupported_certificate",
          "certificate_revoked",
          "access_denied",
          "decrypt_error" ->
          sent ? Outcome.CLIENT_CERTIFICATE_REJECTED : Outcome.CLIENT_CERTIFICATE_REQUIRED;
      case "handshake_failure" ->
          requested && !sent ? Outcome.CLIENT_CERTIFICATE_REQUIRED : Outcome.HANDSHAKE_FAILED;
      default -> Outcome.HANDSHAKE_FAILED;
    };
  }

  /** The TLS alert name in a JSSE exception chain, if any. */
  static Optional<String> alert(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c.getMessage() != null) {
        Matcher m = ALERT.matcher(c.getMessage().toLowerCase(Locale.ROOT));
        if (m.find()) {
          return Optional.of(m.group(1));
        }
      }
    }
    return Optional.empty();
  }
}
