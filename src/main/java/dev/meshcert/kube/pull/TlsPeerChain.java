package dev.meshcert.kube.pull;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A TLS client handshake over a pair of streams (a port-forwarded connection) that records the
 * certificate chain the server presents. Nothing is trusted or refused here: the chain is judged
 * afterwards against the mesh's roots. No client certificate is sent and no application data.
 */
final class TlsPeerChain {

  /** The chain, and how the handshake ended after the server sent it. */
  record Result(List<X509Certificate> chain, String protocol, java.util.Optional<String> endNote) {}

  private TlsPeerChain() {}

  static Result handshake(InputStream in, OutputStream out, String serverName)
      throws IOException, GeneralSecurityException {
    AtomicReference<X509Certificate[]> seen = new AtomicReference<>();
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new Recording(seen)}, null);
    SSLEngine engine = context.createSSLEngine(serverName, 0);
    engine.setUseClientMode(true);
    SSLParameters params = engine.getSSLParameters();
    params.setServerNames(List.of(new SNIHostName(serverName)));
    params.setEndpointIdentificationAlgorithm(null);
    engine.setSSLParameters(params);
    try {
      run(engine, in, out);
      return new Result(
          List.of(seen.get()), engine.getSession().getProtocol(), java.util.Optional.empty());
    } catch (SSLException | EOFException e) {
      if (seen.get() != null) {
        // The server showed its chain, then ended the handshake (it wants a client certificate).
        return new Result(
            List.of(seen.get()),
            engine.getHandshakeSession() == null ? "" : engine.getHandshakeSession().getProtocol(),
            java.util.Optional.of("the handshake ended after the server's certificate: " + e));
      }
      throw e;
    } finally {
      engine.closeOutbound();
    }
  }

  private static void run(SSLEngine engine, InputStream in, OutputStream out) throws IOException {
    int packet = engine.getSession().getPacketBufferSize();
    ByteBuffer netIn = ByteBuffer.allocate(packet);
    ByteBuffer netOut = ByteBuffer.allocate(packet);
    ByteBuffer app = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
    ByteBuffer empty = ByteBuffer.allocate(0);
    byte[] chunk = new byte[packet];
    engine.beginHandshake();
    SSLEngineResult.HandshakeStatus status = engine.getHandshakeStatus();
    while (status != SSLEngineResult.HandshakeStatus.FINISHED
        && status != SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING) {
      switch (status) {
        case NEED_WRAP -> {
          netOut.clear();
          SSLEngineResult r = engine.wrap(empty, netOut);
          netOut.flip();
          out.write(netOut.array(), 0, netOut.limit());
          out.flush();
          status = r.getHandshakeStatus();
        }
        case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
          netIn.flip();
          SSLEngineResult r = engine.unwrap(netIn, app);
          netIn.compact();
          if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
            if (!netIn.hasRemaining()) {
              netIn = grow(netIn, engine.getSession().getPacketBufferSize());
            }
            int n = in.read(chunk, 0, Math.min(chunk.length, netIn.remaining()));
            if (n < 0) {
              throw new EOFException("the connection closed during the TLS handshake");
            }
            netIn.put(chunk, 0, n);
          } else if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            app = grow(app, engine.getSession().getApplicationBufferSize());
          } else if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
            throw new EOFException("the server closed the TLS connection");
          }
          status = r.getHandshakeStatus();
        }
        case NEED_TASK -> {
          for (Runnable task = engine.getDelegatedTask();
              task != null;
              task = engine.getDelegatedTask()) {
            task.run();
          }
          status = engine.getHandshakeStatus();
        }
        default -> throw new IllegalStateException("unexpected handshake status " + status);
      }
    }
  }

  private static ByteBuffer grow(ByteBuffer b, int atLeast) {
    ByteBuffer bigger = ByteBuffer.allocate(Math.max(b.capacity() * 2, b.position() + atLeast));
    b.flip();
    bigger.put(b);
    return bigger;
  }

  /**
   * Records the server's chain and accepts it; judging happens later, against the mesh roots. An
   * extended trust manager, so the JDK adds no checks of its own around it.
   */
  private static final class Recording extends X509ExtendedTrustManager {
    private final AtomicReference<X509Certificate[]> seen;

    Recording(AtomicReference<X509Certificate[]> seen) {
      this.seen = seen;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      seen.set(chain.clone());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
      seen.set(chain.clone());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
      seen.set(chain.clone());
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("client side only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("client side only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("client side only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
