package dev.meshcert.probe;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.List;
import java.util.Optional;

/**
 * What a TLS handshake showed.
 *
 * @param protocol "TLSv1.3", "TLSv1.2", or "" when the handshake did not finish
 * @param cipherSuite the negotiated suite, or ""
 * @param alpnOffered protocols the client offered
 * @param alpnChosen the protocol the server chose, if any
 * @param serverName the SNI sent, if any
 * @param serverChain the certificates the server presented, leaf first, decoded
 * @param clientCertificateRequested the server sent a CertificateRequest
 * @param acceptedIssuers the CA names the server listed in its CertificateRequest (RFC 4514)
 * @param clientCertificateSent the client answered with a certificate
 * @param verification what became of the server's chain
 */
public record Handshake(
    String protocol,
    String cipherSuite,
    List<String> alpnOffered,
    Optional<String> alpnChosen,
    Optional<String> serverName,
    List<CertificateFacts> serverChain,
    boolean clientCertificateRequested,
    List<String> acceptedIssuers,
    boolean clientCertificateSent,
    ServerVerification verification) {

  public Handshake {
    alpnOffered = List.copyOf(alpnOffered);
    serverChain = List.copyOf(serverChain);
    acceptedIssuers = List.copyOf(acceptedIssuers);
  }

  /** The result of checking the server's chain. */
  public record ServerVerification(Status status, String detail) {
    /** Verified, failed, or not attempted because no root was given. */
    public enum Status {
      VERIFIED,
      FAILED,
      /** Failed because a certificate of the chain is expired or not yet valid. */
      EXPIRED,
      SKIPPED
    }
  }
}
