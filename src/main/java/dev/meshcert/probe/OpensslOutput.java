package dev.meshcert.probe;

import dev.meshcert.core.cert.CertificateDecodeException;
import dev.meshcert.core.cert.CertificateDecoder;
import dev.meshcert.core.cert.CertificateFacts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the output of {@code openssl s_client} (run inside a pod that has openssl but no curl) into
 * a {@link ProbeResult}.
 */
public final class OpensslOutput {
  private static final Pattern CIPHER =
      Pattern.compile("^(?:New|Reused), (\\S+), Cipher is (\\S+)");
  private static final Pattern ALERT = Pattern.compile("alert ([a-z ]+?)(?::|,|$)");
  private static final Pattern STATUS = Pattern.compile("^HTTP/[0-9.]+ (\\d{3}).*");

  private OpensslOutput() {}

  /**
   * @param output s_client's standard output and error together
   * @param exitCode its exit code
   * @param clientCertificateGiven whether {@code -cert} was passed
   */
  public static ProbeResult parse(
      String output,
      int exitCode,
      Experiment experiment,
      ProbeTarget target,
      boolean clientCertificateGiven) {
    List<TranscriptLine> t = new ArrayList<>();
    String[] lines = output.split("\\R");
    boolean connected = false;
    boolean requested = false;
    List<String> caNames = new ArrayList<>();
    String protocol = "";
    String cipher = "";
    Optional<String> alpn = Optional.empty();
    Optional<String> verify = Optional.empty();
    StringBuilder pem = null;
    List<CertificateFacts> chain = new ArrayList<>();
    HttpExchange http = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("CONNECTED(")) {
        connected = true;
        t.add(info("Connected to " + target.authority()));
      } else if (line.equals("-----BEGIN CERTIFICATE-----")) {
        pem = new StringBuilder();
      } else if (line.equals("-----END CERTIFICATE-----") && pem != null) {
        decode(pem.toString()).ifPresent(chain::add);
        pem = null;
      } else if (pem != null) {
        pem.append(line.trim());
      } else if (line.startsWith("Acceptable client certificate CA names")) {
        requested = true;
        for (int j = i + 1; j < lines.length && isName(lines[j]); j++) {
          caNames.add(lines[j].trim());
        }
        t.add(
            info(
                "Server asked for a client certificate; accepted CAs: "
                    + String.join(" | ", caNames)));
      } else if (line.startsWith("No client certificate CA names sent")) {
        requested = true;
        t.add(info("Server asked for a client certificate (no CA names given)"));
      } else if (line.startsWith("ALPN protocol: ")) {
        alpn = Optional.of(line.substring("ALPN protocol: ".length()).trim());
        t.add(info("ALPN: server accepted " + alpn.get()));
      } else if (line.startsWith("Verify return code: ")) {
        verify = Optional.of(line.substring("Verify return code: ".length()).trim());
        t.add(info("Server certificate verify result: " + verify.get()));
      } else if (line.contains("error:") || line.toLowerCase(Locale.ROOT).contains("errno=")) {
        t.add(new TranscriptLine(TranscriptLine.Kind.ERROR, line.trim()));
      }
      Matcher c = CIPHER.matcher(line);
      if (c.find()) {
        protocol = c.group(1);
        cipher = c.group(2);
        t.add(info("SSL connection using " + protocol + " / " + cipher));
      }
      Matcher s = STATUS.matcher(line);
      if (s.matches() && http == null) {
        http = new HttpExchange(line, Integer.parseInt(s.group(1)), List.of(), "");
        t.add(new TranscriptLine(TranscriptLine.Kind.RECEIVED, line));
      }
    }
    if (!chain.isEmpty()) {
      CertificateFacts leaf = chain.get(0);
      t.add(info("Server certificate: " + leaf.spiffeUri().orElse(leaf.displayName())));
    }
    Outcome outcome =
        classify(output, connected, experiment, requested, clientCertificateGiven, http);
    t.add(info("Outcome: " + outcome.title()));
    Handshake.ServerVerification verification =
        verify
            .map(v -> new Handshake.ServerVerification(verificationStatus(v), "openssl: " + v))
            .orElse(
                new Handshake.ServerVerification(
                    Handshake.ServerVerification.Status.SKIPPED,
                    "openssl did not report a verification"));
    Handshake handshake =
        new Handshake(
            protocol,
            cipher,
            alpn.map(List::of).orElse(List.of()),
            alpn,
            target.serverName(),
            chain,
            requested,
            caNames,
            requested && clientCertificateGiven,
            verification);
    return new ProbeResult(
        experiment,
        target,
        outcome,
        t,
        Optional.of(handshake),
        Optional.ofNullable(http),
        Duration.ZERO,
        Reproduce.command(experiment, target));
  }

  private static Outcome classify(
      String output,
      boolean connected,
      Experiment experiment,
      boolean requested,
      boolean given,
      HttpExchange http) {
    String lower = output.toLowerCase(Locale.ROOT);
    if (!connected) {
      if (lower.contains("connection refused") || lower.contains("errno=111")) {
        return Outcome.CONNECTION_REFUSED;
      }
      if (lower.contains("timed out") || lower.contains("errno=110")) {
        return Outcome.CONNECT_TIMEOUT;
      }
      if (lower.contains("name or service not known") || lower.contains("no address associated")) {
        return Outcome.UNKNOWN_HOST;
      }
    }
    if (lower.contains("wrong version number") || lower.contains("packet length too long")) {
      return Outcome.NOT_TLS;
    }
    Matcher alert = ALERT.matcher(lower);
    if (alert.find()) {
      return Classifier.alertOutcome(alert.group(1).trim().replace(' ', '_'), requested, given);
    }
    if (http != null || lower.contains("verify return code")) {
      return requested && given && experiment == Experiment.TLS_WITH_IDENTITY
          ? Outcome.MUTUAL_TLS_ESTABLISHED
          : Outcome.TLS_WITHOUT_CLIENT_CERTIFICATE_ACCEPTED;
    }
    return Outcome.HANDSHAKE_FAILED;
  }

  private static boolean isName(String line) {
    return !line.isBlank()
        && !line.startsWith("Requested Signature")
        && !line.startsWith("Client Certificate Types")
        && !line.startsWith("---");
  }

  private static Optional<CertificateFacts> decode(String base64) {
    try {
      return Optional.of(new CertificateDecoder().decode(Base64.getDecoder().decode(base64)));
    } catch (CertificateDecodeException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static TranscriptLine info(String text) {
    return new TranscriptLine(TranscriptLine.Kind.INFO, text);
  }

  /**
   * openssl's "Verify return code": 0 verified; 9 (certificate is not yet valid) and 10
   * (certificate has expired) out of date; anything else failed.
   */
  private static Handshake.ServerVerification.Status verificationStatus(String code) {
    if (code.startsWith("0 ")) {
      return Handshake.ServerVerification.Status.VERIFIED;
    }
    if (code.startsWith("9 ") || code.startsWith("10 ")) {
      return Handshake.ServerVerification.Status.EXPIRED;
    }
    return Handshake.ServerVerification.Status.FAILED;
  }
}
