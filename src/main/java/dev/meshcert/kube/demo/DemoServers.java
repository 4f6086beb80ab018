package dev.meshcert.kube.demo;

import dev.meshcert.mesh.policy.MtlsMode;
import dev.meshcert.mesh.policy.ParsedPeerAuthentication;
import dev.meshcert.mesh.policy.PeerAuthenticationResolver;
import dev.meshcert.mesh.workload.Workload;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

/**
 * Real TLS servers on loopback for the demo mesh's workloads, so the probe works with no cluster:
 * each port behaves as its effective PeerAuthentication says (STRICT demands a client certificate,
 * PERMISSIVE also takes plain text), a pod without sidecar speaks plain HTTP, and the cert-manager
 * workload terminates TLS itself. Servers present the demo's own certificates. They start on first
 * use and stop on {@link #close()}; keys stay in memory.
 */
public final class DemoServers implements AutoCloseable {

  /** A key and its chain (leaf first), in memory only. */
  public record DemoIdentity(PrivateKey key, List<X509Certificate> chain) {
    @Override
    public String toString() {
      return "DemoIdentity[" + chain.get(0).getSubjectX500Principal() + ", key=[redacted]]";
    }
  }

  private final List<Workload> pods;
  private final DemoCertificates certificates;
  private final PeerAuthenticationResolver policies;
  private final Map<String, DemoServer> running = new HashMap<>();
  private ExecutorService pool;

  DemoServers(
      List<Workload> pods, DemoCertificates certificates, List<ParsedPeerAuthentication> policies) {
    this.pods = List.copyOf(pods);
    this.certificates = certificates;
    this.policies =
        new PeerAuthenticationResolver(
            "istio-system", policies.stream().flatMap(p -> p.policy().stream()).toList());
  }

  /**
   * The loopback address answering for {@code port} of {@code pod}, starting its server on first
   * use; empty when the demo pod does not serve that port.
   *
   * @throws IOException when no loopback port could be opened
   */
  public synchronized Optional<InetSocketAddress> address(Workload pod, int port)
      throws IOException {
    Optional<DemoServer.Mode> mode = mode(pod, port);
    if (mode.isEmpty()) {
      return Optional.empty();
    }
    String key = pod.ref() + ":" + port;
    DemoServer s = running.get(key);
    if (s == null) {
      if (pool == null) {
        pool = Executors.newCachedThreadPool(daemonThreads());
      }
      s = new DemoServer(pod.ref() + ":" + port, mode.get(), tls(pod), serverId(pod), pool);
      running.put(key, s);
    }
    return Optional.of(s.address());
  }

  /** How many servers run now. */
  public synchronized int runningCount() {
    return running.size();
  }

  /** The mode a port answers in: STRICT, PERMISSIVE, PLAIN or SERVER_TLS; empty if unserved. */
  public Optional<String> modeName(Workload pod, int port) {
    return mode(pod, port).map(Enum::name);
  }

  /** The pod's own identity, as its proxy holds it (the demo's legacy /etc/certs). */
  public Optional<DemoIdentity> identity(Workload pod) {
    return certificates
        .served(pod.ref())
        .map(s -> new DemoIdentity(s.leaf().keys().getPrivate(), chain(s)));
  }

  /** Istio's CA certificate and key (the demo's istio-ca-secret), to mint identities from. */
  public DemoIdentity istioCa() {
    DemoPki.Issued ca = certificates.istioCa();
    return new DemoIdentity(ca.keys().getPrivate(), List.of(x509(ca)));
  }

  /** The roots a demo client verifies servers against: Istio's root and Linkerd's anchor. */
  public List<X509Certificate> roots() {
    return List.of(x509(certificates.istioCa()), x509(linkerdAnchorOf()));
  }

  private DemoPki.Issued linkerdAnchorOf() {
    return pods.stream()
        .map(p -> certificates.served(p.ref()))
        .flatMap(Optional::stream)
        .filter(s -> s.above().size() == 2)
        .map(s -> s.above().get(1))
        .findFirst()
        .orElse(certificates.istioCa());
  }

  Optional<DemoServer.Mode> mode(Workload pod, int port) {
    if (!pods.contains(pod) || !pod.declaredPorts().contains(port) || port == 15090) {
      return Optional.empty();
    }
    boolean istio =
        pod.runningContainer("istio-proxy").isPresent()
            || pod.nativeSidecars().stream().anyMatch(c -> c.name().equals("istio-proxy"))
            || "enabled".equals(pod.annotations().get("ambient.istio.io/redirection"));
    if (istio) {
      MtlsMode m = policies.resolve(pod).modeFor(port);
      return Optional.of(
          switch (m) {
            case STRICT -> DemoServer.Mode.STRICT;
            case DISABLE -> DemoServer.Mode.PLAIN;
            default -> DemoServer.Mode.PERMISSIVE;
          });
    }
    if (pod.runningContainer("linkerd-proxy").isPresent()) {
      return Optional.of(DemoServer.Mode.PERMISSIVE);
    }
    if (certificates.served(pod.ref()).isPresent()) {
      return Optional.of(DemoServer.Mode.SERVER_TLS);
    }
    return Optional.of(DemoServer.Mode.PLAIN);
  }

  private Optional<String> serverId(Workload pod) {
    return certificates
        .served(pod.ref())
        .flatMap(
            s -> {
              try {
                var sans = x509(s.leaf()).getSubjectAlternativeNames();
                if (sans == null) {
                  return Optional.empty();
                }
                return sans.stream()
                    .filter(san -> Integer.valueOf(6).equals(san.get(0)))
                    .map(san -> String.valueOf(san.get(1)))
                    .findFirst();
              } catch (java.security.cert.CertificateParsingException e) {
                return Optional.empty();
              }
            });
  }

  private Optional<SSLContext> tls(Workload pod) throws IOException {
    Optional<DemoCertificates.Served> served = certificates.served(pod.ref());
    if (served.isEmpty()) {
      return Optional.empty();
    }
    try {
      char[] password = new char[16];
      SecureRandom random = new SecureRandom();
      for (int i = 0; i < password.length; i++) {
        password[i] = (char) ('a' + random.nextInt(26));
      }
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      List<X509Certificate> chain = chain(served.get());
      keys.setKeyEntry(
          "server",
          served.get().leaf().keys().getPrivate(),
          password,
          chain.toArray(X509Certificate[]::new));
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

  private static List<X509Certificate> chain(DemoCertificates.Served s) {
    List<X509Certificate> out = new ArrayList<>();
    out.add(x509(s.leaf()));
    s.above().forEach(i -> out.add(x509(i)));
    return List.copyOf(out);
  }

  private static X509Certificate x509(DemoPki.Issued i) {
    try {
      return new JcaX509CertificateConverter().getCertificate(i.holder());
    } catch (CertificateException e) {
      throw new IllegalStateException("a demo certificate does not convert", e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
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
