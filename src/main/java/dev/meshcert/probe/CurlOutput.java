package dev.meshcert.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the output of {@code curl -v} (run inside a pod, as in the walkthrough) into a {@link
 * ProbeResult}: the transcript, the HTTP status and the outcome, from curl's verbose lines and its
 * exit code.
 */
public final class CurlOutput {
  private static final Pattern STATUS = Pattern.compile("^< (HTTP/[0-9.]+) (\\d{3})(.*)$");
  private static final Pattern ALERT = Pattern.compile("alert ([a-z ]+?)(?:,|$| \\(|\\))");
  private static final Pattern SSL_USING = Pattern.compile("SSL connection using (\\S+) / (\\S+)");
  private static final Pattern ALPN =
      Pattern.compile("ALPN(?:, server accepted to use|: server accepted) (\\S+)");

  private CurlOutput() {}

  /**
   * @param output curl's standard error with {@code -v} (progress meter lines are skipped)
   * @param exitCode curl's exit code
   * @param clientCertificateGiven whether {@code --cert} was passed
   */
  public static ProbeResult parse(
      String output,
      int exitCode,
      Experiment experiment,
      ProbeTarget target,
      boolean clientCertificateGiven) {
    List<TranscriptLine> lines = new ArrayList<>();
    Optional<Integer> status = Optional.empty();
    String statusLine = "";
    boolean certRequested = false;
    String protocol = "";
    String cipher = "";
    Optional<String> alpn = Optional.empty();
    for (String raw : output.split("\\R")) {
      String line = stripProgress(raw);
      if (line.startsWith("* ")) {
        lines.add(new TranscriptLine(TranscriptLine.Kind.INFO, line.substring(2)));
      } else if (line.startsWith("> ")) {
        lines.add(new TranscriptLine(TranscriptLine.Kind.SENT, line.substring(2)));
      } else if (line.startsWith("< ")) {
        lines.add(new TranscriptLine(TranscriptLine.Kind.RECEIVED, line.substring(2)));
      } else if (line.startsWith("curl: ")) {
        lines.add(new TranscriptLine(TranscriptLine.Kind.ERROR, line));
      }
      Matcher m = STATUS.matcher(line);
      if (m.matches() && status.isEmpty()) {
        status = Optional.of(Integer.parseInt(m.group(2)));
        statusLine = line.substring(2);
      }
      if (line.contains("Request CERT")) {
        certRequested = true;
      }
      Matcher u = SSL_USING.matcher(line);
      if (u.find()) {
        protocol = u.group(1);
        cipher = u.group(2);
      }
      Matcher a = ALPN.matcher(line);
      if (a.find()) {
        alpn = Optional.of(a.group(1));
      }
    }
    Outcome outcome =
        classify(output, exitCode, experiment, status, certRequested, clientCertificateGiven);
    lines.add(new TranscriptLine(TranscriptLine.Kind.INFO, "Outcome: " + outcome.title()));
    Optional<Handshake> handshake =
        experiment == Experiment.PLAIN_HTTP
            ? Optional.empty()
            : Optional.of(
                new Handshake(
                    protocol,
                    cipher,
                    List.of("h2", "http/1.1"),
                    alpn,
                    target.serverName(),
                    List.of(),
                    certRequested,
                    List.of(),
                    certRequested && clientCertificateGiven,
                    new Handshake.ServerVerification(
                        output.contains("SSL certificate verify ok")
                            ? Handshake.ServerVerification.Status.VERIFIED
                            : Handshake.ServerVerification.Status.SKIPPED,
                        output.contains("SSL certificate verify ok")
                            ? "curl verified the server certificate"
                            : "curl did not verify the server certificate (-k)")));
    String line = statusLine;
    Optional<HttpExchange> http =
        status.map(s -> new HttpExchange(line, s, List.of(), bodyHint(output)));
    return new ProbeResult(
        experiment,
        target,
        outcome,
        lines,
        handshake,
        http,
        Duration.ZERO,
        Reproduce.command(experiment, target));
  }

  private static String bodyHint(String output) {
    return output.contains("plain HTTP request was sent to HTTPS")
        ? "plain HTTP request was sent to HTTPS port"
        : "";
  }

  static Outcome classify(
      String output,
      int exitCode,
      Experiment experiment,
      Optional<Integer> status,
      boolean certRequested,
      boolean certGiven) {
    String lower = output.toLowerCase(Locale.ROOT);
    switch (exitCode) {
      case 0 -> {
        if (experiment == Experiment.PLAIN_HTTP) {
          return status.filter(s -> s == 400).isPresent()
                  && lower.contains("plain http request was sent to https")
              ? Outcome.PLAIN_TEXT_REFUSED
              : Outcome.PLAIN_TEXT_ACCEPTED;
        }
        if (status.filter(s -> s == 400).isPresent()
            && lower.contains("no required ssl certificate")) {
          return Outcome.CLIENT_CERTIFICATE_REQUIRED;
        }
        return certRequested && certGiven && experiment == Experiment.TLS_WITH_IDENTITY
            ? Outcome.MUTUAL_TLS_ESTABLISHED
            : Outcome.TLS_WITHOUT_CLIENT_CERTIFICATE_ACCEPTED;
      }
      case 6 -> {
        return Outcome.UNKNOWN_HOST;
      }
      case 7 -> {
        return lower.contains("timed out") ? Outcome.CONNECT_TIMEOUT : Outcome.CONNECTION_REFUSED;
      }
      case 28 -> {
        return lower.contains("connected to") ? Outcome.READ_TIMEOUT : Outcome.CONNECT_TIMEOUT;
      }
      case 60 -> {
        // curl: "SSL certificate problem: certificate has expired" (or "is not yet valid")
        return lower.contains("certificate has expired") || lower.contains("is not yet valid")
            ? Outcome.SERVER_CERTIFICATE_EXPIRED
            : Outcome.SERVER_CERTIFICATE_UNTRUSTED;
      }
      default -> {
        // 16, 35, 52, 56 and friends: read what happened from the text
      }
    }
    if (experiment == Experiment.PLAIN_HTTP) {
      return Outcome.PLAIN_TEXT_REFUSED;
    }
    if (lower.contains("wrong version number")) {
      return Outcome.NOT_TLS;
    }
    Matcher alert = ALERT.matcher(lower);
    if (alert.find()) {
      return Classifier.alertOutcome(
          alert.group(1).trim().replace(' ', '_'), certRequested, certGiven);
    }
    if (lower.contains("errno = 104") || lower.contains("connection reset")) {
      // the walkthrough's "SSL_write() returned SYSCALL, errno = 104" without a certificate
      return certGiven ? Outcome.CLIENT_CERTIFICATE_REJECTED : Outcome.CLIENT_CERTIFICATE_REQUIRED;
    }
    return Outcome.HANDSHAKE_FAILED;
  }

  private static String stripProgress(String line) {
    // curl prints its progress meter on the same stream; a verbose line may follow it directly
    int star = line.indexOf("*   Trying");
    if (star > 0) {
      return line.substring(star);
    }
    return line;
  }
}
