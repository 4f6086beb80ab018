package dev.meshcert.guarantees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.faults.ExecScripts;
import dev.meshcert.faults.FaultyApiServer;
import dev.meshcert.faults.Pods;
import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterSession;
import dev.meshcert.kube.MeshScanner;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.kube.ReadOnlyCommands;
import dev.meshcert.kube.WatchEvent;
import dev.meshcert.kube.WatchHandle;
import dev.meshcert.mesh.workload.CertSource;
import dev.meshcert.mesh.workload.Workload;
import dev.meshcert.probe.Experiment;
import dev.meshcert.probe.InPodProbe;
import dev.meshcert.probe.ProbeTarget;
import dev.meshcert.testpki.TestPki;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The app only reads from a cluster: every flow is walked against a recording mock API server, and
 * every request must be a GET (exec and port-forward are WebSocket upgrades of a GET), every exec
 * without stdin or a TTY and running one of the fixed read-only commands of the main code ({@link
 * ReadOnlyCommands}, the list exec itself enforces).
 */
class ReadOnlyTest {

  private FaultyApiServer api;

  @BeforeEach
  void start() {
    api = new FaultyApiServer();
    api.seed(
        c -> {
          c.resource(Pods.istio("bookinfo", "reviews-v1-abc")).create();
          c.resource(Pods.istio("istio-system", "istiod-1-xyz")).create();
          c.namespaces()
              .resource(
                  new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                      .withNewMetadata()
                      .withName("bookinfo")
                      .addToLabels("istio-injection", "enabled")
                      .endMetadata()
                      .build())
              .create();
        });
    api.onEveryExec(ExecScripts.prints(new TestPki().root("CN=ro").issue().pem(), 0));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private void assertOnlyReads() {
    List<FaultyApiServer.Request> requests = api.requests();
    assertFalse(requests.isEmpty(), "the flow sent nothing: the test would prove nothing");
    for (FaultyApiServer.Request r : requests) {
      assertEquals("GET", r.method(), "a write: " + r);
      if (r.isExec()) {
        assertEquals(List.of("false"), r.query().get("stdin"), "exec with stdin: " + r);
        assertEquals(List.of("false"), r.query().getOrDefault("tty", List.of("false")), r.path());
        assertTrue(ReadOnlyCommands.allows(r.command()), "not a read-only command: " + r.command());
      }
    }
  }

  @Test
  void scanningEveryNamespaceOnlyReads() throws Exception {
    try (ClusterSession s = api.session(Duration.ofSeconds(5))) {
      new MeshScanner(TestPki.CLOCK).scanAll(s, Cancellation.none());
    }
    assertOnlyReads();
  }

  @Test
  void scanningOneNamespaceOnlyReads() throws Exception {
    try (ClusterSession s = api.session(Duration.ofSeconds(5))) {
      new MeshScanner(TestPki.CLOCK).scan(s, NamespaceScope.of("bookinfo"), Cancellation.none());
    }
    assertOnlyReads();
  }

  @Test
  void watchingPodsAndPoliciesOnlyReads() throws Exception {
    CountDownLatch synced = new CountDownLatch(2);
    try (ClusterSession s = api.session(Duration.ofSeconds(5));
        WatchHandle pods = s.watchPods(NamespaceScope.all(), e -> count(e, synced));
        WatchHandle policies =
            s.watchPeerAuthentications(NamespaceScope.all(), e -> count(e, synced))) {
      assertTrue(synced.await(20, TimeUnit.SECONDS), "both watches listed");
      Thread.sleep(500); // let each go from its list to its watch request
    }
    assertOnlyReads();
  }

  private static void count(WatchEvent<?> e, CountDownLatch synced) {
    if (e instanceof WatchEvent.Synced<?>) {
      synced.countDown();
    }
  }

  @Test
  void readingASidecarsCertificatesOnlyReads() throws Exception {
    Workload pod = Workload.builder("bookinfo", "reviews-v1-abc").build();
    try (ClusterSession s = api.session(Duration.ofSeconds(5))) {
      s.certificates(pod, new CertSource.EnvoyAdmin("istio-proxy", 15000), Cancellation.none());
      s.certificates(
          pod,
          new CertSource.MountedFiles("app", "/etc/certs/", "istio-certs"),
          Cancellation.none());
      s.certificates(
          pod, new CertSource.MountedFiles("app", "/var/run/tls", "tls"), Cancellation.none());
    }
    assertOnlyReads();
    assertEquals(3, api.requests().stream().filter(FaultyApiServer.Request::isExec).count());
  }

  @Test
  void pullingEveryPodsCertificatesOnlyReads() throws Exception {
    PullFlows.seed(api, new TestPki().root("CN=pull").issue().pem());
    PullFlows.pullAll(api, "test-token");
    assertOnlyReads();
    assertTrue(
        api.requests().stream().anyMatch(FaultyApiServer.Request::isExec),
        "the pull ran commands in the pods: " + api.requests());
  }

  @Test
  void everyInPodProbeCommandIsReadOnly() {
    ProbeTarget target = ProbeTarget.of("details.bookinfo", 9080);
    Optional<InPodProbe.IdentityFiles> files = Optional.of(InPodProbe.IdentityFiles.ISTIO_LEGACY);
    for (InPodProbe.Tool tool : InPodProbe.Tool.values()) {
      for (Experiment e : Experiment.values()) {
        List<String> c = InPodProbe.command(tool, e, target, files);
        assertTrue(ReadOnlyCommands.allows(c), "not read-only: " + c);
      }
    }
  }

  @Test
  void writingOrShellCommandsAreNotOnTheList() {
    for (List<String> c :
        List.<List<String>>of(
            List.of("sh", "-c", "cat /etc/certs/cert-chain.pem"),
            List.of("rm", "/etc/certs/cert-chain.pem"),
            List.of("curl", "-X", "POST", "https://x/quitquitquit"),
            List.of("curl", "-o", "/etc/certs/root-cert.pem", "https://x/"),
            List.of("curl", "-d", "x", "https://x/"),
            List.of("pilot-agent", "request", "POST", "quitquitquit"),
            List.of("cat", "/etc/certs/../../etc/shadow"),
            List.of("openssl", "req", "-new"),
            List.of())) {
      assertFalse(ReadOnlyCommands.allows(c), "allowed: " + c);
    }
  }
}
