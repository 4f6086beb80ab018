package dev.meshcert.probe;

import dev.meshcert.probe.Handshake.ServerVerification;
import dev.meshcert.probe.Handshake.ServerVerification.Status;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Records the server's chain and verifies it against the roots given, without ever failing the
 * handshake: the probe goes on so it can report what the server does next, and the verdict is
 * always reported ("verification skipped" when no root was given). This is the only place in the
 * app that lets a TLS connection continue past an unverified certificate, and it never hides it.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {
  private final List<X509Certificate> roots;
  private volatile List<X509Certificate> chain = List.of();
  private volatile ServerVerification verification =
      new ServerVerification(Status.SKIPPED, "no server certificate seen");

  private final Clock clock;

  RecordingTrustManager(List<X509Certificate> roots) {
    this(roots, Clock.systemUTC());
  }

  /** Verifies at {@code clock}'s instant, the probe's "now". */
  RecordingTrustManager(List<X509Certificate> roots, Clock clock) {
    this.roots = List.copyOf(roots);
    this.clock = clock;
  }

  List<X509Certificate> chain() {
    return chain;
  }

  ServerVerification verification() {
    return verification;
  }

  private void record(X509Certificate[] presented) {
    chain = List.copyOf(Arrays.asList(presented));
    verification = verify(chain);
  }

  private ServerVerification verify(List<X509Certificate> presented) {
    if (roots.isEmpty()) {
      return new ServerVerification(
          Status.SKIPPED, "server certificate verification SKIPPED (no root given)");
    }
    try {
      Set<TrustAnchor> anchors = new HashSet<>();
      for (X509Certificate r : roots) {
        anchors.add(new TrustAnchor(r, null));
      }
      List<X509Certificate> path = new ArrayList<>(presented);
      path.removeIf(roots::contains);
      CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
      PKIXParameters params = new PKIXParameters(anchors);
      params.setRevocationEnabled(false);
      params.setDate(Date.from(clock.instant()));
      try {
        CertPathValidator.getInstance("PKIX").validate(certPath, params);
      } catch (CertPathValidatorException e) {
        Optional<String> outOfDate = outOfDate(e);
        if (outOfDate.isPresent()) {
          return new ServerVerification(
              Status.EXPIRED, "server certificate verification FAILED: " + outOfDate.get());
        }
        throw e;
      }
      return new ServerVerification(
          Status.VERIFIED, "server certificate verified against the root");
    } catch (GeneralSecurityException | RuntimeException e) {
      return new ServerVerification(
          Status.FAILED, "server certificate verification FAILED: " + e.getMessage());
    }
  }

  /** "the server's certificate expired at ..." when validity is what failed. */
  private Optional<String> outOfDate(CertPathValidatorException e) {
    boolean expired = e.getReason() == CertPathValidatorException.BasicReason.EXPIRED;
    boolean early = e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID;
    if ((!expired && !early) || e.getCertPath() == null || e.getIndex() < 0) {
      return Optional.empty();
    }
    X509Certificate c = (X509Certificate) e.getCertPath().getCertificates().get(e.getIndex());
    String which =
        e.getIndex() == 0
            ? "the server's certificate"
            : "certificate "
                + (e.getIndex() + 1)
                + " of its chain ("
                + c.getSubjectX500Principal().getName()
                + ")";
    return Optional.of(
        expired
            ? which
                + " expired at "
                + c.getNotAfter().toInstant()
                + " (now "
                + clock.instant()
                + ")"
            : which
                + " is not valid before "
                + c.getNotBefore().toInstant()
                + " (now "
                + clock.instant()
                + ")");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
    record(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    record(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {
    record(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws java.security.cert.CertificateException {
    throw new java.security.cert.CertificateException("the probe is a client only");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws java.security.cert.CertificateException {
    throw new java.security.cert.CertificateException("the probe is a client only");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws java.security.cert.CertificateException {
    throw new java.security.cert.CertificateException("the probe is a client only");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return roots.toArray(X509Certificate[]::new);
  }
}
