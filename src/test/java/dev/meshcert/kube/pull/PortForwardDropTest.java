package dev.meshcert.kube.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterSession;
import dev.meshcert.testpki.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A port-forward that ends in the middle of Envoy's answer during a scan (the WebSocket closed by
 * the API server, or the pod's admin server closing its end), through the official client against
 * the mock: that pod fails with a reason that says what happened and what to try, the pods already
 * read keep their certificates, and the scan finishes.
 */
class PortForwardDropTest {

  private static final String NS = "shop";
  private static final List<String> PODS = List.of("cart-1", "pay-1", "web-1");
  private static final String DROPPED = NS + "/pay-1";

  private MockMesh mesh;
  private AdminServer envoy;
  private byte[] dump;
  private final List<PodPull> heard = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    mesh = new MockMesh();
    dump = Corpus.bytes(Corpus.SIDECAR_DUMP);
    envoy = new AdminServer(dump, false);
    mesh.seed(
        c -> {
          c.namespaces().resource(Pods.namespace(NS)).create();
          for (String p : PODS) {
            c.pods().inNamespace(NS).resource(Pods.istioSidecar(NS, p, "sa-" + p)).create();
          }
        });
    for (String p : PODS) {
      mesh.forward(NS + "/" + p, 15000, new MockMesh.Forward.Relay(envoy.address()));
    }
    // no exec fallback for the pod that drops: its failure is the port-forward's alone to explain
    mesh.respond("/api/v1/namespaces/" + NS + "/pods/pay-1/exec", 403);
  }

  @AfterEach
  void stop() {
    envoy.close();
    mesh.close();
  }

  private ScanResult scan() throws Exception {
    try (ClusterSession session = mesh.session(Duration.ofSeconds(10))) {
      return new MeshCertificateScanner(TestPki.CLOCK)
          .scan(
              session,
              new ScanTarget.Namespace(NS),
              ScanOptions.defaults(TestPki.CLOCK),
              new ScanListener() {
                @Override
                public void podFinished(PodPull result, int done, int total) {
                  heard.add(result);
                }
              },
              Cancellation.none());
    }
  }

  private static String portForwardDetail(PodPull pull) {
    return pull.attempts().get(0).detail();
  }

  private void assertTheOthersArePulled(ScanResult r) {
    for (String p : PODS) {
      String ref = NS + "/" + p;
      if (!ref.equals(DROPPED)) {
        PodPull pull = r.pod(ref).orElseThrow();
        assertEquals(PullStatus.PULLED, pull.status(), ref + ": " + pull.reason().orElse(""));
        assertEquals(
            "6fbee254c22900615cb1f74e3d2f1713",
            pull.pulled().orElseThrow().leaf().orElseThrow().serialHex());
      }
    }
  }

  @Test
  void webSocketClosedMidAnswerFailsOnlyThatPod() throws Exception {
    mesh.forward(DROPPED, 15000, new MockMesh.Forward.DropAfter(envoy.address(), 300));

    ScanResult r = scan();

    PodPull pay = r.pod(DROPPED).orElseThrow();
    assertEquals(PullStatus.FAILED, pay.status());
    assertTrue(portForwardDetail(pay).contains("dropped"), portForwardDetail(pay));
    assertTheOthersArePulled(r);
    assertEquals(PODS.size(), heard.size(), "every pod was reported: the scan finished");
  }

  @Test
  void droppedAnswerSaysWhatToTry() throws Exception {
    mesh.forward(DROPPED, 15000, new MockMesh.Forward.DropAfter(envoy.address(), 300));

    String reason = scan().pod(DROPPED).orElseThrow().reason().orElseThrow();

    assertTrue(reason.contains("scan this pod again"), reason);
  }

  @Test
  void adminServerClosingMidAnswerFailsOnlyThatPod() throws Exception {
    try (CuttingServer cutting = new CuttingServer(dump, dump.length / 2, true)) {
      mesh.forward(DROPPED, 15000, new MockMesh.Forward.Relay(cutting.address()));

      ScanResult r = scan();

      PodPull pay = r.pod(DROPPED).orElseThrow();
      assertEquals(PullStatus.FAILED, pay.status());
      assertTrue(
          portForwardDetail(pay).contains("after " + dump.length / 2 + " of " + dump.length),
          portForwardDetail(pay));
      assertTheOthersArePulled(r);
    }
  }

  @Test
  void answerWithoutLengthCutMidJsonIsADropNotABadDump() throws Exception {
    try (CuttingServer cutting = new CuttingServer(dump, dump.length / 2, false)) {
      mesh.forward(DROPPED, 15000, new MockMesh.Forward.Relay(cutting.address()));

      PodPull pay = scan().pod(DROPPED).orElseThrow();

      assertEquals(PullStatus.FAILED, pay.status());
      assertTrue(portForwardDetail(pay).contains("dropped"), portForwardDetail(pay));
      assertFalse(portForwardDetail(pay).contains("not a JSON"), portForwardDetail(pay));
    }
  }

  @Test
  void nothingListeningOnTheAdminPortIsSaidPlainly() throws Exception {
    InetSocketAddress closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = (InetSocketAddress) s.getLocalSocketAddress();
    }
    mesh.forward(DROPPED, 15000, new MockMesh.Forward.Relay(closed));

    ScanResult r = scan();

    String detail = portForwardDetail(r.pod(DROPPED).orElseThrow());
    assertTrue(detail.contains("nothing listens on port 15000"), detail);
    assertTheOthersArePulled(r);
  }

  /**
   * An admin server that answers 200, sends the first {@code cutAt} bytes of the body and closes:
   * with its Content-Length, or to the end of the connection as an HTTP/1.0-style answer.
   */
  private static final class CuttingServer implements AutoCloseable {
    private final ServerSocket server;

    CuttingServer(byte[] body, int cutAt, boolean withLength) throws IOException {
      server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
      Thread t =
          new Thread(
              () -> {
                while (!server.isClosed()) {
                  try (Socket s = server.accept()) {
                    readHead(s.getInputStream());
                    OutputStream out = s.getOutputStream();
                    out.write(
                        ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                + (withLength ? "Content-Length: " + body.length + "\r\n" : "")
                                + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(body, 0, cutAt);
                    out.flush();
                  } catch (IOException e) {
                    // closed by the test, or the client went away
                  }
                }
              },
              "cutting-admin");
      t.setDaemon(true);
      t.start();
    }

    private static void readHead(InputStream in) throws IOException {
      int state = 0;
      int c;
      while (state < 4 && (c = in.read()) != -1) {
        state = (c == '\r' || c == '\n') ? state + 1 : 0;
      }
    }

    InetSocketAddress address() {
      return (InetSocketAddress) server.getLocalSocketAddress();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
