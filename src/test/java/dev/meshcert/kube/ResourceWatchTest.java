package dev.meshcert.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.mesh.policy.ParsedPeerAuthentication;
import dev.meshcert.mesh.workload.Workload;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** List-then-watch with the official client's HTTP watch; event streams are scripted. */
class ResourceWatchTest {

  private static final String PODS = "/api/v1/namespaces/ns1/pods";
  private MockCluster cluster;
  private final BlockingQueue<WatchEvent<Workload>> events = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() {
    cluster = new MockCluster();
    cluster.seed(
        c ->
            c.resource(
                    new PodBuilder()
                        .withApiVersion("v1")
                        .withKind("Pod")
                        .withNewMetadata()
                        .withName("p1")
                        .withNamespace("ns1")
                        .endMetadata()
                        .build())
                .create());
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private static String event(String type, String name, String rv) {
    return "{\"type\":\""
        + type
        + "\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\""
        + name
        + "\",\"namespace\":\"ns1\",\"resourceVersion\":\""
        + rv
        + "\"}}}";
  }

  private WatchEvent<Workload> next() throws InterruptedException {
    WatchEvent<Workload> e = events.poll(10, TimeUnit.SECONDS);
    assertNotNull(e, "no event within 10 s; requests: " + cluster.requestLines());
    return e;
  }

  private List<String> watchRequests() {
    return cluster.requestLines().stream().filter(l -> l.contains("watch=true")).toList();
  }

  private static String ref(WatchEvent<Workload> e) {
    if (e instanceof WatchEvent.Upserted<Workload> u) {
      return "upsert " + u.item().ref();
    }
    if (e instanceof WatchEvent.Deleted<Workload> d) {
      return "delete " + d.item().ref();
    }
    if (e instanceof WatchEvent.Synced<Workload> s) {
      return "synced " + s.items().stream().map(Workload::ref).toList();
    }
    return "interrupted "
        + ((WatchEvent.Interrupted<Workload>) e).failure().getClass().getSimpleName();
  }

  @Test
  void syncedStateIsFollowedByTheStreamedChanges() throws Exception {
    cluster.scriptWatch(
        PODS, event("ADDED", "p2", "5"), event("MODIFIED", "p1", "6"), event("DELETED", "p2", "7"));
    try (ClusterSession s = cluster.session(Optional.empty());
        WatchHandle h = s.watchPods(NamespaceScope.of("ns1"), events::add)) {
      assertEquals("synced [ns1/p1]", ref(next()));
      assertEquals("upsert ns1/p2", ref(next()));
      assertEquals("upsert ns1/p1", ref(next()));
      assertEquals("delete ns1/p2", ref(next()));
    }
  }

  @Test
  void watchStartsAtTheListsVersionWithBookmarks() throws Exception {
    cluster.scriptWatch(PODS, event("ADDED", "p2", "5"));
    try (ClusterSession s = cluster.session(Optional.empty());
        WatchHandle h = s.watchPods(NamespaceScope.of("ns1"), events::add)) {
      next();
      next();
    }
    String first = watchRequests().get(0);
    assertTrue(first.contains("allowWatchBookmarks=true"), first);
    assertTrue(first.contains("resourceVersion=1"), first);
    assertTrue(first.contains("timeoutSeconds=2"), first);
  }

  @Test
  void endedStreamIsResumedFromTheLastVersionSeen() throws Exception {
    cluster.scriptWatch(PODS, event("ADDED", "p2", "42"));
    cluster.scriptWatch(PODS, event("DELETED", "p2", "43"));
    try (ClusterSession s = cluster.session(Optional.empty());
        WatchHandle h = s.watchPods(NamespaceScope.of("ns1"), events::add)) {
      assertEquals("synced [ns1/p1]", ref(next()));
      assertEquals("upsert ns1/p2", ref(next()));
      assertEquals("delete ns1/p2", ref(next()));
    }
    assertTrue(watchRequests().get(1).contains("resourceVersion=42"), watchRequests().toString());
    assertEquals(
        1,
        cluster.requestLines().stream()
            .filter(l -> l.startsWith("GET " + PODS + "?limit"))
            .count());
  }

  @Test
  void expiredVersionTriggersAFreshList() throws Exception {
    cluster.scriptWatch(
        PODS,
        "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"code\":410,"
            + "\"reason\":\"Expired\",\"message\":\"too old resource version\"}}");
    try (ClusterSession s = cluster.session(Optional.empty());
        WatchHandle h = s.watchPods(NamespaceScope.of("ns1"), events::add)) {
      assertEquals("synced [ns1/p1]", ref(next()));
      assertEquals("synced [ns1/p1]", ref(next()));
    }
    assertEquals(
        2,
        cluster.requestLines().stream()
            .filter(l -> l.startsWith("GET " + PODS + "?limit"))
            .count());
  }

  private long podLists() {
    return cluster.requestLines().stream()
        .filter(l -> l.startsWith("GET " + PODS + "?limit"))
        .count();
  }

  @Test
  void watchAfterAScanResumesFromTheScansListWithoutListingAgain() throws Exception {
    cluster.scriptWatch(PODS, event("ADDED", "p2", "5"));
    try (ClusterSession s = cluster.session(Optional.empty())) {
      new MeshScanner(java.time.Clock.systemUTC())
          .scan(s, NamespaceScope.of("ns1"), Cancellation.none());
      try (WatchHandle h = s.watchPods(NamespaceScope.of("ns1"), events::add)) {
        assertEquals("synced [ns1/p1]", ref(next()));
        assertEquals("upsert ns1/p2", ref(next()));
      }
    }
    assertEquals(1, podLists(), cluster.requestLines().toString());
    assertTrue(watchRequests().get(0).contains("resourceVersion=1"), watchRequests().toString());
  }

  @Test
  void scansListIsResumedFromOnlyOnce() throws Exception {
    cluster.scriptWatch(PODS, event("ADDED", "p2", "5"));
    cluster.scriptWatch(PODS, event("ADDED", "p3", "6"));
    try (ClusterSession s = cluster.session(Optional.empty())) {
      s.pods(NamespaceScope.of("ns1"), Cancellation.none());
      try (WatchHandle h = s.watchPods(NamespaceScope.of("ns1"), events::add)) {
        next();
        next();
      }
      // its own queue: the first watch may have resumed onto the second stream before it closed
      BlockingQueue<WatchEvent<Workload>> second = new LinkedBlockingQueue<>();
      try (WatchHandle h = s.watchPods(NamespaceScope.of("ns1"), second::add)) {
        WatchEvent<Workload> first = second.poll(10, TimeUnit.SECONDS);
        assertNotNull(first, cluster.requestLines().toString());
        assertEquals("synced [ns1/p1]", ref(first));
      }
    }
    assertEquals(2, podLists(), cluster.requestLines().toString());
  }

  @Test
  void expiredVersionOfTheScansListTriggersAFreshList() throws Exception {
    cluster.scriptWatch(
        PODS,
        "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"code\":410,"
            + "\"reason\":\"Expired\",\"message\":\"too old resource version\"}}");
    try (ClusterSession s = cluster.session(Optional.empty())) {
      s.pods(NamespaceScope.of("ns1"), Cancellation.none());
      try (WatchHandle h = s.watchPods(NamespaceScope.of("ns1"), events::add)) {
        assertEquals("synced [ns1/p1]", ref(next()));
        assertEquals("synced [ns1/p1]", ref(next()));
      }
    }
    assertEquals(2, podLists(), cluster.requestLines().toString());
  }

  @Test
  void labelledListIsNotResumedFrom() throws Exception {
    cluster.scriptWatch(PODS, event("ADDED", "p2", "5"));
    try (ClusterSession s = cluster.session(Optional.empty())) {
      s.pods(NamespaceScope.of("ns1"), "app=ztunnel", Cancellation.none());
      try (WatchHandle h = s.watchPods(NamespaceScope.of("ns1"), events::add)) {
        assertEquals("synced [ns1/p1]", ref(next()));
      }
    }
    assertEquals(
        1,
        cluster.requestLines().stream().filter(l -> l.startsWith("GET " + PODS + "?limit")).count(),
        cluster.requestLines().toString());
  }

  @Test
  void failedWatchIsReportedAndRetried() throws Exception {
    cluster.scriptWatchFailure(PODS, 500);
    cluster.scriptWatch(PODS, event("ADDED", "p3", "9"));
    try (ClusterSession s = cluster.session(Optional.empty());
        WatchHandle h = s.watchPods(NamespaceScope.of("ns1"), events::add)) {
      assertEquals("synced [ns1/p1]", ref(next()));
      WatchEvent<Workload> broken = next();
      WatchEvent.Interrupted<Workload> i = assertInstanceOf(WatchEvent.Interrupted.class, broken);
      assertInstanceOf(KubeFailure.ServerError.class, i.failure());
      assertEquals("upsert ns1/p3", ref(next()));
    }
  }

  @Test
  void closingStopsTheWatch() throws Exception {
    ClusterSession s = cluster.session(Optional.empty());
    WatchHandle h = s.watchPods(NamespaceScope.of("ns1"), events::add);
    next();
    h.close();
    assertFalse(h.isRunning());
    Thread.sleep(800);
    int requests = cluster.requests().size();
    Thread.sleep(800);
    assertEquals(requests, cluster.requests().size(), cluster.requestLines().toString());
    s.close();
  }

  @Test
  void watchOnlySendsGets() throws Exception {
    cluster.scriptWatch(PODS, event("ADDED", "p2", "5"));
    try (ClusterSession s = cluster.session(Optional.empty());
        WatchHandle h = s.watchPods(NamespaceScope.of("ns1"), events::add)) {
      next();
      next();
    }
    assertTrue(cluster.requests().stream().allMatch(r -> r.method().equals("GET")));
  }

  @Test
  void peerAuthenticationsAreWatchedAsParsedPolicies() throws Exception {
    cluster.seedYaml(
        MockCluster.PEER_AUTHENTICATION_V1,
        """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: default, namespace: istio-system}
        spec: {mtls: {mode: STRICT}}
        """,
        "default");
    cluster.scriptWatch(
        "/apis/security.istio.io/v1/peerauthentications",
        "{\"type\":\"ADDED\",\"object\":{\"apiVersion\":\"security.istio.io/v1\",\"kind\":"
            + "\"PeerAuthentication\",\"metadata\":{\"name\":\"relaxed\",\"namespace\":\"legacy\","
            + "\"resourceVersion\":\"12\"},\"spec\":{\"mtls\":{\"mode\":\"PERMISSIVE\"}}}}");
    BlockingQueue<WatchEvent<ParsedPeerAuthentication>> policyEvents = new LinkedBlockingQueue<>();
    try (ClusterSession s = cluster.session(Optional.empty());
        WatchHandle h = s.watchPeerAuthentications(NamespaceScope.all(), policyEvents::add)) {
      WatchEvent.Synced<ParsedPeerAuthentication> synced =
          assertInstanceOf(WatchEvent.Synced.class, policyEvents.poll(10, TimeUnit.SECONDS));
      assertEquals("default", synced.items().get(0).ref().name());
      WatchEvent.Upserted<ParsedPeerAuthentication> added =
          assertInstanceOf(WatchEvent.Upserted.class, policyEvents.poll(10, TimeUnit.SECONDS));
      assertEquals("legacy", added.item().policy().orElseThrow().namespace());
    }
  }

  private static final String POLICIES = "/apis/security.istio.io/v1/peerauthentications";

  private void seedStrictPolicy() {
    cluster.seedYaml(
        MockCluster.PEER_AUTHENTICATION_V1,
        """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: default, namespace: istio-system}
        spec: {mtls: {mode: STRICT}}
        """,
        "default");
  }

  private static String policyEvent(String type, String name, String rv) {
    return "{\"type\":\""
        + type
        + "\",\"object\":{\"apiVersion\":\"security.istio.io/v1\",\"kind\":"
        + "\"PeerAuthentication\",\"metadata\":{\"name\":\""
        + name
        + "\",\"namespace\":\"legacy\",\"resourceVersion\":\""
        + rv
        + "\"},\"spec\":{\"mtls\":{\"mode\":\"PERMISSIVE\"}}}}";
  }

  private long policyLists() {
    return cluster.requestLines().stream()
        .filter(l -> l.startsWith("GET " + POLICIES + "?limit"))
        .count();
  }

  private static String policyRef(WatchEvent<ParsedPeerAuthentication> e) {
    if (e instanceof WatchEvent.Synced<ParsedPeerAuthentication> s) {
      return "synced " + s.items().stream().map(p -> p.ref().toString()).toList();
    }
    if (e instanceof WatchEvent.Upserted<ParsedPeerAuthentication> u) {
      return "upsert " + u.item().ref();
    }
    return e.getClass().getSimpleName();
  }

  @Test
  void policyWatchAfterAScanResumesFromTheScansListWithoutListingAgain() throws Exception {
    seedStrictPolicy();
    cluster.scriptWatch(POLICIES, policyEvent("ADDED", "relaxed", "12"));
    BlockingQueue<WatchEvent<ParsedPeerAuthentication>> policyEvents = new LinkedBlockingQueue<>();
    try (ClusterSession s = cluster.session(Optional.empty())) {
      new MeshScanner(java.time.Clock.systemUTC())
          .scan(s, NamespaceScope.all(), Cancellation.none());
      long listedByTheScan = policyLists();
      try (WatchHandle h = s.watchPeerAuthentications(NamespaceScope.all(), policyEvents::add)) {
        assertEquals(
            "synced [default.istio-system]",
            policyRef(policyEvents.poll(10, TimeUnit.SECONDS)),
            cluster.requestLines().toString());
        assertEquals(
            "upsert relaxed.legacy",
            policyRef(policyEvents.poll(10, TimeUnit.SECONDS)),
            cluster.requestLines().toString());
      }
      assertEquals(1, listedByTheScan, cluster.requestLines().toString());
    }
    assertEquals(1, policyLists(), cluster.requestLines().toString());
    List<String> watches =
        watchRequests().stream().filter(l -> l.startsWith("GET " + POLICIES)).toList();
    assertFalse(watches.get(0).contains("resourceVersion=&"), watches.toString());
    assertTrue(watches.get(0).contains("resourceVersion="), watches.toString());
  }

  @Test
  void expiredVersionOfTheScansPolicyListTriggersAFreshList() throws Exception {
    seedStrictPolicy();
    cluster.scriptWatch(
        POLICIES,
        "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"code\":410,"
            + "\"reason\":\"Expired\",\"message\":\"too old resource version\"}}");
    BlockingQueue<WatchEvent<ParsedPeerAuthentication>> policyEvents = new LinkedBlockingQueue<>();
    try (ClusterSession s = cluster.session(Optional.empty())) {
      s.peerAuthentications(NamespaceScope.all(), Cancellation.none());
      try (WatchHandle h = s.watchPeerAuthentications(NamespaceScope.all(), policyEvents::add)) {
        assertEquals(
            "synced [default.istio-system]", policyRef(policyEvents.poll(10, TimeUnit.SECONDS)));
        assertEquals(
            "synced [default.istio-system]", policyRef(policyEvents.poll(10, TimeUnit.SECONDS)));
      }
    }
    assertEquals(2, policyLists(), cluster.requestLines().toString());
  }
}
