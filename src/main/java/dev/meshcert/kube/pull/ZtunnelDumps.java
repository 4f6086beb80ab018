package dev.meshcert.kube.pull;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.PodAccess;
import dev.meshcert.kube.PortForwardStream;
import dev.meshcert.mesh.workload.CertSource;
import dev.meshcert.mesh.ztunnel.ZtunnelDump;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The ztunnel config dumps of one scan, each read once: every ambient pod of a node shares its
 * ztunnel, so the first pod reads the dump and the others wait for it. The read runs under the
 * scan's cancellation, not a pod's, so one pod's timeout does not fail its neighbours.
 */
final class ZtunnelDumps {

  private final PodAccess access;
  private final Cancellation scan;
  private final java.time.Duration timeout;
  private final Map<String, CompletableFuture<ZtunnelDump>> dumps = new ConcurrentHashMap<>();

  /**
   * @param timeout how long one dump may take (a hung ztunnel fails its pods, not the scan)
   */
  ZtunnelDumps(PodAccess access, Cancellation scan, java.time.Duration timeout) {
    this.access = access;
    this.scan = scan;
    this.timeout = timeout;
  }

  /** The dump of {@code ztunnel}, read now or by an earlier pod. */
  ZtunnelDump dump(CertSource.ZtunnelAdmin ztunnel, Cancellation pod)
      throws KubeException, Strategy.PullException, InterruptedException {
    String key = ztunnel.namespace() + "/" + ztunnel.pod() + ":" + ztunnel.port();
    CompletableFuture<ZtunnelDump> mine = new CompletableFuture<>();
    CompletableFuture<ZtunnelDump> existing = dumps.putIfAbsent(key, mine);
    if (existing == null) {
      try {
        mine.complete(read(ztunnel));
      } catch (KubeException | Strategy.PullException | RuntimeException e) {
        mine.completeExceptionally(e);
      }
      existing = mine;
    }
    try {
      while (true) {
        try {
          return existing.get(50, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          if (pod.isCancelled()) {
            throw new InterruptedException("the pod's pull was cancelled while ztunnel was read");
          }
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof KubeException k) {
        throw k;
      }
      if (cause instanceof Strategy.PullException p) {
        throw p;
      }
      throw new IllegalStateException(cause);
    }
  }

  private ZtunnelDump read(CertSource.ZtunnelAdmin z) throws KubeException, Strategy.PullException {
    byte[] body;
    Cancellation read = scan.child();
    CompletableFuture.runAsync(
        read::cancel, CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS));
    try (PortForwardStream stream = access.portForward(z.namespace(), z.pod(), z.port(), read)) {
      body = AdminHttp.get(stream, "/config_dump");
    } catch (PortForwardStream.ForwardError e) {
      throw new Strategy.PullException("ztunnel: " + e.getMessage());
    } catch (IOException e) {
      throw new Strategy.PullException(
          "the port-forwarded connection to ztunnel dropped: " + e.getMessage());
    } catch (AdminHttp.HttpFailure e) {
      throw new Strategy.PullException("ztunnel admin answered " + e.getMessage());
    } finally {
      scan.release(read);
    }
    try {
      return ZtunnelDump.of(JsonParser.parseString(new String(body, StandardCharsets.UTF_8)));
    } catch (JsonParseException e) {
      throw new Strategy.PullException("ztunnel's config_dump is not JSON: " + e.getMessage());
    }
  }
}
