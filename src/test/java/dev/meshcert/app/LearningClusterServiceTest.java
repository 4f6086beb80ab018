package dev.meshcert.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.meshcert.core.redact.KnownValues;
import dev.meshcert.core.redact.Redaction;
import dev.meshcert.core.redact.Sensitive;
import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterConnector;
import dev.meshcert.kube.MeshScanner;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.kube.SessionOptions;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.workload.Workload;
import dev.meshcert.testpki.TestPki;
import dev.meshcert.ui.cluster.ConnectorClusterService;
import dev.meshcert.ui.cluster.ContextChoice;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A scan of the demo mesh teaches the redaction book its namespaces and pod names. */
class LearningClusterServiceTest {

  @Test
  void scanTeachesNamespacesAndPodsSoTextMasksThem() throws Exception {
    KnownValues known = new KnownValues();
    AtomicInteger learned = new AtomicInteger();
    ClusterConnector connector =
        new ClusterConnector(
            () -> {
              throw new AssertionError("the demo mesh needs no kubeconfig");
            },
            SessionOptions.defaults(),
            TestPki.CLOCK);
    try {
      LearningClusterService service =
          new LearningClusterService(
              new ConnectorClusterService(connector, new MeshScanner(TestPki.CLOCK)),
              known,
              learned::incrementAndGet);

      MeshSnapshot snapshot =
          service.scan(
              service.connect(ContextChoice.demoMesh()), NamespaceScope.all(), Cancellation.none());

      Workload pod = snapshot.pods().get(0);
      assertEquals(Optional.of(Sensitive.POD), known.kindOf(pod.name()));
      assertEquals(Optional.of(Sensitive.NAMESPACE), known.kindOf(pod.namespace()));
      assertEquals(1, learned.get());
      String shown =
          Redaction.forScreenShare(true, known).text(pod.namespace() + "/" + pod.name() + " ready");
      assertFalse(shown.contains(pod.name()), shown);
      assertFalse(shown.contains(pod.namespace() + "/"), shown);
    } finally {
      connector.close();
    }
  }
}
