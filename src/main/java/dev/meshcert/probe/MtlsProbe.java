package dev.meshcert.probe;

import dev.meshcert.core.cert.CertificateDecodeException;
import dev.meshcert.core.cert.CertificateDecoder;
import dev.meshcert.core.cert.CertificateFacts;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * Runs one experiment against one target and records a {@code curl -v}-like transcript. One
 * instance per run; {@link #cancel()} may be called from any thread and closes the socket.
 */
public final class MtlsProbe {
  private final Experiment experiment;
  private final ProbeTarget target;
  private final Optional<ClientIdentity> identity;
  private final List<X509Certificate> roots;
  private final Clock clock;
  private final AtomicReference<Socket> socket = new AtomicReference<>();
  private volatile boolean cancelled;

  /**
   * @param identity the client identity; used only by {@link Experiment#TLS_WITH_IDENTITY}
   * @param roots roots to verify the server's chain against; empty means "verification skipped"
   */
  public MtlsProbe(
      Experiment experiment,
      ProbeTarget target,
      Optional<ClientIdentity> identity,
      List<X509Certificate> roots,
      Clock clock) {
    this.experiment = experiment;
    this.target = target;
    this.identity =
        experiment == Experiment.TLS_WITH_IDENTITY ? identity : Optional.<ClientIdentity>empty();
    this.roots = List.copyOf(roots);
    this.clock = clock;
  }

  /** Stops the probe: its {@link #run()} returns {@link Outcome#CANCELLED}. */
  public void cancel() {
    cancelled = true;
    closeSocket();
  }

  private void closeSocket() {
    Socket s = socket.get();
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing is all we can do; the run reports the cancellation
      }
    }
  }

  /** Runs the experiment. Never throws for network failures: they are outcomes. */
  public ProbeResult run() {
    Instant start = clock.instant();
    Transcript t = new Transcript();
    Attempt a = new Attempt(t);
    Outcome outcome;
    try {
      outcome = connectAndProbe(a);
    } catch (IOException | RuntimeException e) {
      t.error(describe(e));
      outcome = cancelled ? Outcome.CANCELLED : Classifier.failure(experiment, a, e);
    } finally {
      closeSocket();
    }
    if (cancelled && outcome != Outcome.CANCELLED && a.http == null) {
      outcome = Outcome.CANCELLED;
    }
    t.info("Outcome: " + outcome.title());
    return new ProbeResult(
        experiment,
        target,
        outcome,
        t.lines(),
        Optional.ofNullable(a.handshake()),
        Optional.ofNullable(a.http),
        Duration.between(start, clock.instant()),
        Reproduce.command(experiment, target));
  }

  private Outcome connectAndProbe(Attempt a) throws IOException {
    Transcript t = a.transcript;
    t.info("  Trying " + target.authority() + "...");
    Socket raw = new Socket();
    socket.set(raw);
    if (cancelled) {
      return Outcome.CANCELLED;
    }
    raw.connect(
        new InetSocketAddress(target.host(), target.port()),
        (int) target.connectTimeout().toMillis());
    raw.setSoTimeout((int) target.readTimeout().toMillis());
    t.info(
        "Connected to "
            + target.host()
            + " ("
            + raw.getInetAddress().getHostAddress()
            + ") port "
            + target.port());
    if (experiment == Experiment.PLAIN_HTTP) {
      HttpClientExchange.send(raw.getOutputStream(), target, t);
      a.http = HttpClientExchange.receive(raw.getInputStream(), t);
      return Classifier.plainAnswer(a.http);
    }
    SSLSocket tls = handshake(raw, a);
    HttpClientExchange.send(tls.getOutputStream(), target, t);
    a.http = HttpClientExchange.receive(tls.getInputStream(), t);
    return Classifier.success(experiment, a, target);
  }

  private SSLSocket handshake(Socket raw, Attempt a) throws IOException {
    Transcript t = a.transcript;
    SSLContext ctx;
    try {
      ctx = SSLContext.getInstance("TLS");
      ctx.init(new KeyManager[] {a.keys}, new TrustManager[] {a.trust}, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JRE has no TLS implementation", e);
    }
    String sni = target.serverName().orElse(target.host());
    SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(raw, sni, target.port(), true);
    socket.set(tls);
    var params = tls.getSSLParameters();
    params.setApplicationProtocols(new String[] {"http/1.1"});
    tls.setSSLParameters(params);
    t.info("ALPN: offers http/1.1");
    t.info("TLS handshake, Client hello (SNI: " + sni + ")");
    tls.startHandshake();
    a.handshakeDone = true;
    a.session = tls.getSession();
    a.alpn = Optional.ofNullable(tls.getApplicationProtocol()).filter(p -> !p.isEmpty());
    a.sni = sni;
    Handshakes.describe(a, t);
    return tls;
  }

  private String describe(Exception e) {
    if (e instanceof UnknownHostException) {
      return "Could not resolve host: " + target.host();
    }
    if (e instanceof ConnectException) {
      return "Failed to connect to " + target.authority() + ": " + e.getMessage();
    }
    if (e instanceof SocketTimeoutException) {
      return "Operation timed out: " + e.getMessage();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /** The mutable state of one run, confined to the probe's thread. */
  final class Attempt {
    final Transcript transcript;
    final RecordingKeyManager keys = new RecordingKeyManager(identity);
    final RecordingTrustManager trust = new RecordingTrustManager(roots, clock);
    boolean handshakeDone;
    javax.net.ssl.SSLSession session;
    Optional<String> alpn = Optional.empty();
    String sni;
    HttpExchange http;

    Attempt(Transcript transcript) {
      this.transcript = transcript;
    }

    Handshake handshake() {
      if (experiment == Experiment.PLAIN_HTTP) {
        return null;
      }
      return new Handshake(
          session == null ? "" : session.getProtocol(),
          session == null ? "" : session.getCipherSuite(),
          List.of("http/1.1"),
          alpn,
          Optional.ofNullable(sni),
          decoded(trust.chain()),
          keys.requested(),
          keys.issuers(),
          keys.sent(),
          trust.verification());
    }

    Optional<String> expectedSpiffeId() {
      return target.expectedSpiffeId();
    }
  }

  static List<CertificateFacts> decoded(List<X509Certificate> chain) {
    CertificateDecoder decoder = new CertificateDecoder();
    List<CertificateFacts> out = new ArrayList<>();
    for (X509Certificate c : chain) {
      try {
        out.add(decoder.decode(c.getEncoded()));
      } catch (CertificateEncodingException | CertificateDecodeException e) {
        // JSSE parsed it, so this does not happen; an undecodable one is simply not listed
      }
    }
    return out;
  }
}
