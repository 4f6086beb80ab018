package dev.meshcert.kube.pull;

import dev.meshcert.testpki.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;
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
        // recorded when the ClientHello is read, whether or not the client waits for the end
        SSLParameters params = s.getSSLParameters();
        params.setSNIMatchers(
            List.of(
                new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                  @Override
                  public boolean matches(SNIServerName name) {
                    serverNames.add(((SNIHostName) name).getAsciiName());
                    return true;
                  }
                }));
        s.setSSLParameters(params);
        s.startHandshake();
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
