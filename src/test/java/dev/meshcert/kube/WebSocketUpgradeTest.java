package dev.meshcert.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a port-forward's WebSocket upgrade asks the API server for. */
class WebSocketUpgradeTest {

  private MockCluster cluster;

  @BeforeEach
  void start() {
    cluster = new MockCluster();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void portForwardUpgradeOffersNoCompression() throws Exception {
    try (ClusterSession s = cluster.session(Optional.empty())) {
      // nothing is expected at this path: the upgrade is refused, and only the request matters
      assertThrows(
          KubeException.class,
          () -> s.podAccess().portForward("bookinfo", "reviews-v1", 15000, Cancellation.none()));
    }
    MockCluster.Request upgrade = cluster.requests().get(0);
    assertEquals("websocket", upgrade.headers().get("upgrade"), upgrade.headers().toString());
    assertFalse(
        upgrade.headers().containsKey("sec-websocket-extensions"), upgrade.headers().toString());
  }
}
