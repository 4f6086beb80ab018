package dev.meshcert.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.kube.Operation;
import dev.meshcert.kube.PodAccess;
import dev.meshcert.kube.PortForwardStream;
import dev.meshcert.probe.LoopbackServer.Mode;
import dev.meshcert.testpki.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The port-forward route: each probe connection becomes one port-forward stream. The streams here
 * reach a real server on loopback, standing in for the pod's port.
 */
class PortForwardTunnelTest {
  /** Live: the TLS peers here check validity against the system clock. */
  private final TestPki pki = TestPki.live();

  private final TestPki.Issued root = pki.root("O=cluster.local").issue();
  private final TestPki.Issued server =
      pki.leaf(root).uriSan("spiffe://cluster.local/ns/bookinfo/sa/details").issue();

  /** Opens a port-forward stream; the test's stand-in for the API server's answer. */
  private interface Forwarder {
    PortForwardStream open(String ns, String pod, int port) throws KubeException;
  }

  /** Pod access whose port-forwards {@code forwarder} opens; nothing else is supported. */
  private static PodAccess forwardingOnly(Forwarder forwarder) {
    PodAccess none = PodAccess.unsupported("test");
    return new PodAccess() {
      @Override
      public PortForwardStream portForward(String ns, String pod, int port, Cancellation c)
          throws KubeException {
        return forwarder.open(ns, pod, port);
      }

      @Override
      public byte[] exec(
          String ns,
          String pod,
          String container,
          dev.meshcert.kube.ReadCommand cmd,
          Cancellation c)
          throws KubeException {
        return none.exec(ns, pod, container, cmd, c);
      }

      @Override
      public Optional<dev.meshcert.mesh.workload.ConfigMapData> configMap(
          String ns, String name, Cancellation c) throws KubeException {
        return none.configMap(ns, name, c);
      }

      @Override
      public Optional<dev.meshcert.kube.SecretCertificates> secret(
          String ns, String name, Cancellation c) throws KubeException {
        return none.secret(ns, name, c);
      }

      @Override
      public List<dev.meshcert.kube.SecretCertificates> secrets(
          dev.meshcert.kube.NamespaceScope scope, String type, Cancellation c)
          throws KubeException {
        return none.secrets(scope, type, c);
      }
    };
  }

  /** Port-forward streams that are sockets to a local port, recording what was asked for. */
  private static PodAccess toLocalPort(int localPort, List<String> asked) {
    return forwardingOnly(
        (ns, pod, port) -> {
          asked.add(ns + "/" + pod + ":" + port);
          try {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), localPort);
            return new PortForwardStream() {
              @Override
              public InputStream input() {
                try {
                  return s.getInputStream();
                } catch (IOException e) {
                  return InputStream.nullInputStream();
                }
              }

              @Override
              public OutputStream output() {
                try {
                  return s.getOutputStream();
                } catch (IOException e) {
                  return OutputStream.nullOutputStream();
                }
              }

              @Override
              public void close() {
                try {
                  s.close();
                } catch (IOException e) {
                  // already closed
                }
              }
            };
          } catch (IOException e) {
            throw new KubeException(
                new KubeFailure.NotFound(
                    new Operation("create", "pods/portforward", Optional.of(ns)), e.getMessage()));
          }
        });
  }

  @Test
  void eachExperimentGoesThroughItsOwnPortForwardStream() throws Exception {
    List<String> asked = new ArrayList<>();
    try (LoopbackServer s = new LoopbackServer(Mode.PERMISSIVE, server, List.of(), root)) {
      ProbeRoute route =
          new ProbeRoute.PortForwarded(
              toLocalPort(s.port(), asked),
              "bookinfo",
              "details-v1-abc",
              ProbeTarget.of("details.bookinfo", 9080));
      ProbeMatrix.Result m = new ProbeRun(route, ProbeIdentity.none(), Clock.systemUTC()).run();
      assertEquals(
          List.of(
              Outcome.PLAIN_TEXT_ACCEPTED,
              Outcome.TLS_WITHOUT_CLIENT_CERTIFICATE_ACCEPTED,
              Outcome.TLS_WITHOUT_CLIENT_CERTIFICATE_ACCEPTED),
          m.results().stream().map(ProbeResult::outcome).toList(),
          m.results().get(1).transcriptText());
      assertEquals(List.of("bookinfo/details-v1-abc:9080"), asked.stream().distinct().toList());
      assertEquals(3, asked.size());
    }
  }

  @Test
  void theTranscriptSaysThePortForwardMayBypassTheSidecar() throws Exception {
    try (LoopbackServer s = new LoopbackServer(Mode.PLAIN, null, List.of(), root)) {
      ProbeRoute route =
          new ProbeRoute.PortForwarded(
              toLocalPort(s.port(), new ArrayList<>()),
              "legacy",
              "batch-1",
              ProbeTarget.of("batch", 8080));
      ProbeResult plain =
          new ProbeRun(route, ProbeIdentity.none(), Clock.systemUTC()).run().results().get(0);
      assertTrue(
          plain.transcript().get(0).text().contains("may bypass the sidecar's inbound capture"));
      assertEquals(Outcome.PLAIN_TEXT_ACCEPTED, plain.outcome());
    }
  }

  @Test
  void aPortForwardThatCannotOpenIsReportedInTheTranscript() throws Exception {
    int closed;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      closed = free.getLocalPort();
    }
    ProbeRoute route =
        new ProbeRoute.PortForwarded(
            toLocalPort(closed, new ArrayList<>()),
            "bookinfo",
            "gone-1",
            ProbeTarget.of("gone", 9080));
    ProbeResult plain =
        new ProbeRun(route, ProbeIdentity.none(), Clock.systemUTC()).run().results().get(0);
    assertEquals(Outcome.CONNECTION_REFUSED, plain.outcome(), plain.transcriptText());
    assertTrue(plain.transcriptText().contains("port-forward: "), plain.transcriptText());
  }

  @Test
  void aRefusedPortForwardIsNoMtlsAnswerAndSaysWhatToDo() throws Exception {
    PodAccess refusing =
        forwardingOnly(
            (ns, pod, port) -> {
              throw new KubeException(
                  new KubeFailure.Forbidden(
                      "tester",
                      new Operation("create", "pods/portforward", Optional.of(ns)),
                      "pods \"details-v1-abc\" is forbidden: User \"tester\" cannot create"
                          + " resource \"pods/portforward\" in the namespace \"bookinfo\""));
            });
    ProbeRoute route =
        new ProbeRoute.PortForwarded(
            refusing, "bookinfo", "details-v1-abc", ProbeTarget.of("details", 9080));
    ProbeMatrix.Result m = new ProbeRun(route, ProbeIdentity.none(), Clock.systemUTC()).run();
    ProbeResult plain = m.results().get(0);
    assertEquals(Outcome.PORT_FORWARD_FAILED, plain.outcome(), plain.transcriptText());
    assertTrue(plain.transcriptText().contains("pods/portforward"), plain.transcriptText());
    assertEquals(ProbeMatrix.Verdict.UNREACHABLE, m.verdict());
  }
}
