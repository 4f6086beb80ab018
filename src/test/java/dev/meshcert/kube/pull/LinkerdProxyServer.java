package dev.meshcert.kube.pull;

import dev.meshcert.testpki.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

/**
 * A real TLS server on loopback presenting a Linkerd-style identity chain (leaf, issuer), as a
 * Linkerd proxy's admin port does for a handshake naming its identity; it records the SNI each
 * client sent.
 */
final class LinkerdProxyServer implements AutoCloseable {

  private final SSLServerSocket server;
  private final List<String> serverNames = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  LinkerdProxyServer(TestPki.Issued leaf, TestPki.Issued issuer) throws Exception {
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry(
        "proxy",
        leaf.keyPair().getPrivate(),
        new char[0],
        new Certificate[] {
          converter.getCertificate(leaf.holder()), converter.getCertificate(issuer.holder())
        });
    KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
    kmf.init(ks, new char[0]);
    SSLContext ctx = SSLContext.getInstance("TLSv1.3");
    ctx.init(kmf.getKeyManagers(), null, null);
    server =
        (SSLServerSocket)
            ctx.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::accept, "linkerd-proxy-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void accept() {
    while (!server.isClosed()) {
      try (SSLSocket s = (SSLSocket) server.accept()) {
        s.startHandshake();
        for (SNIServerName n : ((ExtendedSSLSession) s.getSession()).getRequestedServerNames()) {
          serverNames.add(((SNIHostName) n).getAsciiName());
        }
      } catch (IOException e) {
        // a client that went away; keep serving
      }
    }
  }

  InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
  }

  List<String> serverNames() {
    return List.copyOf(serverNames);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
