package dev.meshcert.probe;

import dev.meshcert.testpki.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

/**
 * A real server on loopback for probe tests: plain HTTP, TLS (client certificate none, wanted or
 * needed), or permissive (plain text and TLS on one port, as an Istio PERMISSIVE sidecar).
 */
public final class LoopbackServer implements AutoCloseable {

  /** How the server answers. */
  public enum Mode {
    PLAIN,
    TLS_NO_CLIENT_AUTH,
    TLS_WANT_CLIENT_AUTH,
    TLS_NEED_CLIENT_AUTH,
    PERMISSIVE,
    SILENT
  }

  private final ServerSocket server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final Mode mode;
  private final SSLContext tls;

  public LoopbackServer(
      Mode mode,
      TestPki.Issued serverCert,
      List<TestPki.Issued> chainAbove,
      TestPki.Issued clientRoot)
      throws Exception {
    this.mode = mode;
    this.tls = serverCert == null ? null : context(serverCert, chainAbove, clientRoot);
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    pool.submit(this::acceptLoop);
  }

  public int port() {
    return server.getLocalPort();
  }

  public static X509Certificate x509(TestPki.Issued i) {
    try {
      return new JcaX509CertificateConverter().getCertificate(i.holder());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static SSLContext context(
      TestPki.Issued cert, List<TestPki.Issued> chainAbove, TestPki.Issued clientRoot)
      throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    X509Certificate[] chain = new X509Certificate[chainAbove.size() + 1];
    chain[0] = x509(cert);
    for (int i = 0; i < chainAbove.size(); i++) {
      chain[i + 1] = x509(chainAbove.get(i));
    }
    ks.setKeyEntry("server", cert.keyPair().getPrivate(), "x".toCharArray(), chain);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
    kmf.init(ks, "x".toCharArray());
    KeyStore ts = KeyStore.getInstance("PKCS12");
    ts.load(null, null);
    ts.setCertificateEntry("root", x509(clientRoot));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(ts);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return ctx;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        pool.submit(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      s.setSoTimeout(5000);
      switch (mode) {
        case PLAIN -> answer(s.getInputStream(), s.getOutputStream(), "none");
        case SILENT -> {
          s.setSoTimeout(0);
          s.getInputStream().transferTo(OutputStream.nullOutputStream());
        }
        case PERMISSIVE -> {
          PushbackInputStream in = new PushbackInputStream(s.getInputStream(), 1);
          int first = in.read();
          in.unread(first);
          if (first == 0x16) {
            SSLSocket t = (SSLSocket) tls.getSocketFactory().createSocket(s, in, true);
            serveTls(t, false, true);
          } else {
            answer(in, s.getOutputStream(), "none");
          }
        }
        default -> {
          SSLSocket t =
              (SSLSocket)
                  tls.getSocketFactory()
                      .createSocket(s, s.getInetAddress().getHostAddress(), s.getPort(), true);
          t.setUseClientMode(false);
          serveTls(t, mode == Mode.TLS_NEED_CLIENT_AUTH, mode == Mode.TLS_WANT_CLIENT_AUTH);
        }
      }
    } catch (IOException | RuntimeException e) {
      // the client sees the reset or alert; that is what is under test
    }
  }

  private void serveTls(SSLSocket t, boolean need, boolean want) throws IOException {
    SSLParameters p = t.getSSLParameters();
    p.setApplicationProtocols(new String[] {"http/1.1"});
    if (need) {
      p.setNeedClientAuth(true);
    } else if (want) {
      p.setWantClientAuth(true);
    }
    t.setSSLParameters(p);
    t.startHandshake();
    String client = "none";
    try {
      var peer = (X509Certificate) t.getSession().getPeerCertificates()[0];
      client = String.valueOf(peer.getSubjectAlternativeNames());
    } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
      client = "none";
    } catch (java.security.cert.CertificateParsingException e) {
      client = "unparseable";
    }
    answer(t.getInputStream(), t.getOutputStream(), client);
  }

  private static void answer(InputStream in, OutputStream out, String client) throws IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      head.append((char) c);
      if (head.length() == 4 && !head.toString().equals("GET ")) {
        // not HTTP (a TLS ClientHello, say): answer as nginx does
        out.write(
            "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return;
      }
      if (head.toString().endsWith("\r\n\r\n")) {
        break;
      }
    }
    String body = "hello\n";
    String response =
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nx-forwarded-client-cert: "
            + client
            + "\r\nContent-Length: "
            + body.length()
            + "\r\nConnection: close\r\n\r\n"
            + body;
    out.write(response.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    pool.shutdownNow();
  }
}
