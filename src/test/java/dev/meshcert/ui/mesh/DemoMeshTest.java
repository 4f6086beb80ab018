package dev.meshcert.ui.mesh;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.demo.DemoCluster;
import dev.meshcert.kube.pull.MeshCertificateScanner;
import dev.meshcert.mesh.timeline.TimelineBar;
import dev.meshcert.testpki.TestPki;
import org.junit.jupiter.api.Test;

/** The built-in demo mesh, scanned with the real scanner: what a fresh machine shows. */
class DemoMeshTest {

  private MeshAnalysis scanDemo() {
    MeshFixture f = new MeshFixture();
    new ScanViewModel(
            f.model,
            new MeshCertificateScanner(TestPki.CLOCK),
            () -> DemoCluster.create(TestPki.CLOCK),
            MeshFixture.MESSAGES,
            TestPki.CLOCK)
        .scanDemo();
    return f.model.analysisProperty().get();
  }

  @Test
  void demoMeshFillsTheTrustViewWithIstioAndLinkerdRoots() {
    MeshAnalysis a = scanDemo();

    assertTrue(a.trust().workloads().size() >= 5, a.data().toString());
    assertTrue(a.trust().currentRoots().size() >= 2, a.trust().currentRoots().toString());
  }

  @Test
  void demoMeshFillsTheTimelineWithLeavesAndRoots() {
    MeshAnalysis a = scanDemo();

    assertTrue(a.timeline().bars().stream().anyMatch(b -> b.role() == TimelineBar.Role.LEAF));
    assertTrue(a.timeline().bars().stream().anyMatch(b -> b.role() == TimelineBar.Role.ROOT));
  }

  @Test
  void demoMeshCanBeSavedAsASnapshot() {
    assertTrue(scanDemo().data().savable());
  }

  @Test
  void demoMeshHasAStragglerOfItsRootRotation() {
    MeshAnalysis a = scanDemo();

    assertFalse(a.trust().stragglers().isEmpty(), a.trust().byRoot().toString());
  }
}
