package dev.meshcert.kube.pull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * A TLS client handshake over a port-forwarded connection that records the certificate chain the
 * server presents (Linkerd's proxies present their identity when the SNI names it). Only {@code
 * probe} builds TLS contexts and trust managers (see TlsTrustTest), so the implementation is {@code
 * dev.meshcert.probe.StreamHandshake}, handed to {@link MeshCertificateScanner} by the composition
 * root.
 */
public interface PeerChainHandshake {

  /**
   * What the server presented.
   *
   * @param chain the certificates as DER, in the order presented (leaf first)
   * @param protocol the TLS version agreed ("TLSv1.3"), or "" when the handshake did not finish
   * @param notes what else to report: how the chain was judged during the handshake (always
   *     "skipped" here: the scan judges it against the mesh roots), how the handshake ended
   */
  record Result(List<byte[]> chain, String protocol, List<String> notes) {

    /** Copies the lists. */
    public Result {
      chain = chain.stream().map(byte[]::clone).toList();
      notes = List.copyOf(notes);
    }
  }

  /**
   * Runs a client handshake naming {@code serverName} (SNI) over {@code in}/{@code out}; sends no
   * application data.
   *
   * @throws IOException when the server presented no certificate (the connection closed, the
   *     handshake failed before the Certificate message)
   */
  Result handshake(InputStream in, OutputStream out, String serverName) throws IOException;

  /** No handshake available: every call fails, saying so. */
  static PeerChainHandshake unavailable() {
    return (in, out, name) -> {
      throw new IOException(
          "no TLS handshake is available to this scanner (give it probe's StreamHandshake)");
    };
  }
}
