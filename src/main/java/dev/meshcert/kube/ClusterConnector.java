package dev.meshcert.kube;

import dev.meshcert.kube.config.Kubeconfig;
import dev.meshcert.kube.config.KubeconfigException;
import dev.meshcert.kube.config.KubeconfigLoader;
import dev.meshcert.kube.demo.DemoCluster;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The entry point to clusters: reads kubeconfig as kubectl does, opens one session (one {@code
 * ApiClient}) per context on demand and keeps it, so several contexts can be open at once, and
 * offers the built-in demo mesh. Thread-safe.
 */
public final class ClusterConnector implements AutoCloseable {

  private final Supplier<Kubeconfig> loader;
  private final SessionOptions options;
  private final Clock clock;
  private final Map<String, ClusterConnection> open = new LinkedHashMap<>();
  private Kubeconfig kubeconfig;
  private DemoCluster demo;

  /**
   * @param loader reads the kubeconfig (again on {@link #reload()})
   * @param options timeouts of the sessions
   * @param clock the clock of the demo mesh's certificates
   */
  public ClusterConnector(Supplier<Kubeconfig> loader, SessionOptions options, Clock clock) {
    this.loader = loader;
    this.options = options;
    this.clock = clock;
  }

  /** A connector on {@code KUBECONFIG} or {@code ~/.kube/config} of this process. */
  public static ClusterConnector fromEnvironment(SessionOptions options, Clock clock) {
    return new ClusterConnector(
        () -> KubeconfigLoader.load(System.getenv(), Path.of(System.getProperty("user.home"))),
        options,
        clock);
  }

  /** The merged kubeconfig, read on first use. */
  public synchronized Kubeconfig kubeconfig() {
    if (kubeconfig == null) {
      kubeconfig = loader.get();
    }
    return kubeconfig;
  }

  /** Reads the kubeconfig again; open sessions stay open. */
  public synchronized Kubeconfig reload() {
    kubeconfig = loader.get();
    return kubeconfig;
  }

  /** Context names in kubeconfig order. */
  public List<String> contexts() {
    return kubeconfig().contextNames();
  }

  /** The current context, when one is set and defined. */
  public Optional<String> currentContext() {
    Kubeconfig k = kubeconfig();
    return k.currentContext().filter(c -> k.context(c).isPresent());
  }

  /**
   * The session of {@code context}, opened on first use (which runs exec plugins: call off the UI
   * thread).
   *
   * @throws KubeException when the context is unusable or its credentials cannot be obtained
   */
  public ClusterConnection open(String context) throws KubeException {
    synchronized (this) {
      ClusterConnection existing = open.get(context);
      if (existing != null) {
        return existing;
      }
    }
    ClusterSession session;
    try {
      session = ClusterSession.open(kubeconfig().resolve(context), options);
    } catch (KubeconfigException e) {
      throw new KubeException(new KubeFailure.BadKubeconfig(e.getMessage()), e);
    }
    synchronized (this) {
      ClusterConnection raced = open.putIfAbsent(context, session);
      if (raced != null) {
        session.close();
        return raced;
      }
      return session;
    }
  }

  /** The built-in demo mesh, generated on first use relative to the clock. */
  public synchronized ClusterConnection demo() {
    if (demo == null) {
      demo = DemoCluster.create(clock);
    }
    return demo;
  }

  /** Closes the session of {@code context}, if open. */
  public void close(String context) {
    ClusterConnection c;
    synchronized (this) {
      c = open.remove(context);
    }
    if (c != null) {
      c.close();
    }
  }

  /** The contexts with an open session. */
  public synchronized List<String> openContexts() {
    return List.copyOf(open.keySet());
  }

  @Override
  public void close() {
    List<ClusterConnection> all;
    synchronized (this) {
      all = List.copyOf(open.values());
      open.clear();
    }
    all.forEach(ClusterConnection::close);
  }
}
