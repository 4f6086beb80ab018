package dev.meshcert.kube.pull;

import dev.meshcert.core.cert.CertificateDecodeException;
import dev.meshcert.core.cert.CertificateDecoder;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.PortForwardStream;
import dev.meshcert.mesh.workload.Container;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Linkerd: port-forward to the proxy's admin port and a TLS handshake with SNI set to the proxy's
 * own identity, which makes the proxy present its identity certificate; the chain is recorded. The
 * trust anchors the proxy holds come from its {@code LINKERD2_PROXY_IDENTITY_TRUST_ANCHORS}.
 */
final class LinkerdHandshake implements Strategy {

  private final String container;
  private final int port;

  LinkerdHandshake(String container, int port) {
    this.container = container;
    this.port = port;
  }

  @Override
  public String name() {
    return "port-forward :" + port + " TLS handshake (SNI = the proxy's identity)";
  }

  @Override
  public PulledChain pull(PodContext pod) throws KubeException, PullException {
    Container proxy =
        pod.pod()
            .runningContainer(container)
            .orElseThrow(() -> new PullException("no running container " + container));
    String identity = LinkerdIdentity.localName(pod.pod(), proxy);
    PeerChainHandshake.Result result;
    try (PortForwardStream stream =
        pod.access()
            .portForward(pod.pod().namespace(), pod.pod().name(), port, pod.cancellation())) {
      result = pod.handshake().handshake(stream.input(), stream.output(), identity);
    } catch (IOException e) {
      throw new PullException(
          "the TLS handshake with SNI " + identity + " failed: " + e.getMessage());
    }
    List<String> notes = new ArrayList<>(result.notes());
    List<CertificateFacts> chain = new ArrayList<>();
    for (byte[] der : result.chain()) {
      try {
        chain.add(new CertificateDecoder().decode(der));
      } catch (CertificateDecodeException e) {
        notes.add("a certificate the proxy presented cannot be decoded: " + e.getMessage());
      }
    }
    if (chain.isEmpty()) {
      throw new PullException("the proxy presented no certificate");
    }
    List<CertificateFacts> anchors =
        Optional.ofNullable(proxy.env().get(LinkerdIdentity.TRUST_ANCHORS))
            .map(
                pem ->
                    CertificateFiles.decode(
                        pem.getBytes(StandardCharsets.UTF_8), LinkerdIdentity.TRUST_ANCHORS, notes))
            .orElse(List.of());
    return new PulledChain(
        "Linkerd proxy TLS handshake (port-forward :"
            + port
            + ", SNI "
            + identity
            + ", "
            + result.protocol()
            + ")",
        chain,
        anchors,
        Optional.empty(),
        Optional.empty(),
        notes);
  }
}
