package dev.meshcert.probe;

import dev.meshcert.kube.pull.PeerChainHandshake;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * The certificate scan's TLS handshake ({@link PeerChainHandshake}) over a port-forwarded
 * connection: an {@link SSLEngine} client with the probe's {@link RecordingTrustManager} (no root:
 * its verdict, "verification SKIPPED", is reported with the chain, which the scan then judges
 * against the mesh roots). Sends no client certificate and no application data.
 */
public final class StreamHandshake implements PeerChainHandshake {

  @Override
  public Result handshake(InputStream in, OutputStream out, String serverName) throws IOException {
    RecordingTrustManager trust = new RecordingTrustManager(List.of());
    SSLEngine engine;
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, null);
      engine = context.createSSLEngine(serverName, 0);
    } catch (GeneralSecurityException e) {
      throw new IOException("TLS is not available: " + e.getMessage(), e);
    }
    engine.setUseClientMode(true);
    SSLParameters params = engine.getSSLParameters();
    params.setServerNames(List.of(new SNIHostName(serverName)));
    engine.setSSLParameters(params);
    List<String> notes = new ArrayList<>();
    String protocol = "";
    try {
      pump(engine, in, out);
      protocol = engine.getSession().getProtocol();
    } catch (SSLException | EOFException e) {
      if (trust.chain().isEmpty()) {
        throw e;
      }
      notes.add("the handshake ended after the server's certificate: " + e.getMessage());
    } finally {
      engine.closeOutbound();
    }
    notes.add(0, trust.verification().detail());
    List<byte[]> chain = new ArrayList<>();
    for (X509Certificate c : trust.chain()) {
      try {
        chain.add(c.getEncoded());
      } catch (CertificateEncodingException e) {
        notes.add("a presented certificate cannot be encoded: " + e.getMessage());
      }
    }
    return new Result(chain, protocol, notes);
  }

  private static void pump(SSLEngine engine, InputStream in, OutputStream out) throws IOException {
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
          switch (r.getStatus()) {
            case BUFFER_UNDERFLOW -> {
              if (!netIn.hasRemaining()) {
                netIn = grow(netIn, engine.getSession().getPacketBufferSize());
              }
              int n = in.read(chunk, 0, Math.min(chunk.length, netIn.remaining()));
              if (n < 0) {
                throw new EOFException("the connection closed during the TLS handshake");
              }
              netIn.put(chunk, 0, n);
            }
            case BUFFER_OVERFLOW -> app = grow(app, engine.getSession().getApplicationBufferSize());
            case CLOSED -> throw new EOFException("the server closed the TLS connection");
            default -> {
              // OK: go on with the handshake
            }
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
}
