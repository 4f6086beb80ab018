package dev.meshcert.probe;

import dev.meshcert.kube.demo.DemoCluster;
import dev.meshcert.kube.demo.DemoEndpoints;
import dev.meshcert.mesh.workload.Workload;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Real servers on loopback for the demo mesh's workloads, so a probe works with no cluster: one per
 * workload port, answering as {@link DemoEndpoints} says (STRICT, PERMISSIVE, plain, server TLS)
 * with the demo's own certificates. A server starts on first use; {@link #close()} stops them all
 * (a later use starts them again). Keystores are in memory with a random password. Thread-safe.
 */
public final class DemoMeshServers implements AutoCloseable {
  private final DemoCluster demo;
  private final Map<String, DemoServer> running = new HashMap<>();
  private ExecutorService pool;

  public DemoMeshServers(DemoCluster demo) {
    this.demo = demo;
  }

  /** The demo mesh these servers stand for. */
  public DemoCluster demo() {
    return demo;
  }

  /**
   * The loopback address answering for {@code port} of {@code pod}, starting its server on first
   * use; empty when the demo pod does not serve that port.
   *
   * @throws IOException when no loopback port could be opened or TLS could not be set up
   */
  public synchronized Optional<InetSocketAddress> address(Workload pod, int port)
      throws IOException {
    Optional<DemoEndpoints.Mode> mode = demo.endpoints().mode(pod, port);
    if (mode.isEmpty()) {
      return Optional.empty();
    }
    String key = pod.ref() + ":" + port;
    DemoServer s = running.get(key);
    if (s == null) {
      if (pool == null) {
        pool = Executors.newCachedThreadPool(daemonThreads());
      }
      s = new DemoServer(key, mode.get(), tls(pod), demo.endpoints().spiffeId(pod), pool);
      running.put(key, s);
    }
    return Optional.of(s.address());
  }

  /** How many servers run now. */
  public synchronized int runningCount() {
    return running.size();
  }

  private Optional<SSLContext> tls(Workload pod) throws IOException {
    Optional<DemoEndpoints.DemoIdentity> id = demo.endpoints().identity(pod);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    try {
      char[] password = new char[16];
      SecureRandom random = new SecureRandom();
      for (int i = 0; i < password.length; i++) {
        password[i] = (char) ('a' + random.nextInt(26));
      }
      List<X509Certificate> chain = id.get().chain();
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("server", id.get().key(), password, chain.toArray(X509Certificate[]::new));
      KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
      kmf.init(keys, password);
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("root", chain.get(chain.size() - 1));
      TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
      tmf.init(trust);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return Optional.of(ctx);
    } catch (GeneralSecurityException e) {
      throw new IOException("the demo server's TLS could not be set up: " + e.getMessage(), e);
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "meshcert-demo-server-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Stops every server; a later {@link #address} starts them again. */
  @Override
  public synchronized void close() {
    running.values().forEach(DemoServer::close);
    running.clear();
    if (pool != null) {
      pool.shutdownNow();
      pool = null;
    }
  }
}
