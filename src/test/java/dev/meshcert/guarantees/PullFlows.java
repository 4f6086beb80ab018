package dev.meshcert.guarantees;

import dev.meshcert.faults.ExecScripts;
import dev.meshcert.faults.FaultyApiServer;
import dev.meshcert.faults.Pods;
import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterSession;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.SessionOptions;
import dev.meshcert.kube.pull.MeshCertificateScanner;
import dev.meshcert.kube.pull.ScanListener;
import dev.meshcert.kube.pull.ScanOptions;
import dev.meshcert.kube.pull.ScanResult;
import dev.meshcert.kube.pull.ScanTarget;
import dev.meshcert.testpki.TestPki;
import java.time.Duration;

/**
 * Certificate retrieval ({@code kube.pull}) of every pod against a {@link FaultyApiServer}: two
 * Istio sidecar pods whose every exec prints {@code execOutput}, Secrets read too.
 */
final class PullFlows {

  private PullFlows() {}

  static void seed(FaultyApiServer api, String execOutput) {
    seed(api, c -> execOutput);
  }

  /**
   * Two pods whose files answer as Istio's: {@code ls} lists cert-chain.pem, key.pem and
   * root-cert.pem, {@code cat} prints {@code chain}, {@code key} and {@code root}, pilot-agent
   * fails (no Envoy here), so the pull falls back to the files.
   */
  static void seedFiles(FaultyApiServer api, String chain, String key, String root) {
    seed(
        api,
        c -> {
          String last = c.isEmpty() ? "" : c.get(c.size() - 1);
          if (c.size() > 0 && c.get(0).equals("ls")) {
            return "cert-chain.pem\nkey.pem\nroot-cert.pem\n";
          }
          if (c.size() > 0 && c.get(0).equals("cat")) {
            return last.endsWith("/key.pem") ? key : last.endsWith("/root-cert.pem") ? root : chain;
          }
          return null;
        });
  }

  private static void seed(
      FaultyApiServer api, java.util.function.Function<java.util.List<String>, String> out) {
    api.seed(
        c -> {
          c.resource(Pods.istio("shop", "cart-v1-abc")).create();
          c.resource(Pods.istio("shop", "web-v1-def")).create();
        });
    api.onEveryExec(ExecScripts.byCommand(out));
  }

  static ScanResult pullAll(FaultyApiServer api, String token) throws KubeException {
    try (ClusterSession s =
        ClusterSession.open(
            api.context(token),
            SessionOptions.defaults().withRequestTimeout(Duration.ofSeconds(5)))) {
      return new MeshCertificateScanner(TestPki.CLOCK)
          .scan(
              s,
              new ScanTarget.All(),
              ScanOptions.defaults(TestPki.CLOCK)
                  .withSecrets(true)
                  .withPodTimeout(Duration.ofSeconds(20)),
              ScanListener.none(),
              Cancellation.none());
    }
  }
}
