package dev.meshcert.ui.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.redact.KnownValues;
import dev.meshcert.core.redact.Redaction;
import dev.meshcert.core.redact.Sensitive;
import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.MeshScanner;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.kube.demo.DemoCluster;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.detect.WorkloadStatus;
import dev.meshcert.testpki.TestPki;
import dev.meshcert.ui.common.report.Evidence;
import dev.meshcert.ui.common.report.EvidenceMarkdown;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A pod of the demo mesh as an evidence card, without a screen. */
class ClusterEvidenceTest {
  private static DemoCluster demo;
  private static MeshSnapshot snapshot;
  private final ClusterEvidence cards = new ClusterEvidence(ClusterScreen.messages(Locale.ROOT));

  @BeforeAll
  static void scan() throws Exception {
    demo = DemoCluster.create(TestPki.CLOCK);
    snapshot = new MeshScanner(TestPki.CLOCK).scan(demo, NamespaceScope.all(), Cancellation.none());
  }

  @AfterAll
  static void close() {
    demo.close();
  }

  private static WorkloadStatus pod(String prefix) {
    return snapshot.workloads().stream()
        .filter(w -> w.pod().ref().startsWith(prefix))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void cardShowsEachPortsModeAndWhatDecidedIt() {
    Evidence e = cards.card(snapshot, pod("bookinfo/productpage"));

    assertEquals("bookinfo/productpage-v1-6b746f74dc-9stvs", e.title());
    assertEquals("mTLS (server side): STRICT (port 9080 PERMISSIVE)", e.status());
    assertEquals(
        "9080 PERMISSIVE: port 9080 of workload policy productpage-health.bookinfo sets PERMISSIVE\n"
            + "15090 STRICT: namespace policy default.bookinfo sets STRICT",
        value(e, "Ports"));
  }

  @Test
  void rowNamesThePortsAPortLevelPolicyGivesAnotherMode() {
    assertEquals(
        "STRICT (port 9080 PERMISSIVE)", new WorkloadRow(pod("bookinfo/productpage")).mtlsText());
    assertEquals("STRICT", new WorkloadRow(pod("bookinfo/details")).mtlsText());
    assertEquals("no sidecar: plain text only", new WorkloadRow(pod("default/curl")).mtlsText());
  }

  @Test
  void cardListsThePeerAuthenticationsThatApplyWidestFirst() {
    Evidence e = cards.card(snapshot, pod("bookinfo/productpage"));

    assertEquals(
        "default.istio-system\ndefault.bookinfo\nproductpage-health.bookinfo",
        value(e, "PeerAuthentication"));
    assertTrue(value(e, "Data plane").startsWith("Istio sidecar"), value(e, "Data plane"));
  }

  @Test
  void aPermissivePortMakesAStrictPodsCardAWarning() {
    assertEquals(Evidence.Tone.WARNING, cards.card(snapshot, pod("bookinfo/productpage")).tone());
  }

  @Test
  void commandsShowThePodThePoliciesAndIstioctlsDescription() {
    Evidence e = cards.card(snapshot, pod("bookinfo/productpage"));

    assertEquals(
        "kubectl get pod productpage-v1-6b746f74dc-9stvs -n bookinfo -o yaml\n"
            + "kubectl get peerauthentications.security.istio.io -A\n"
            + "istioctl x describe pod productpage-v1-6b746f74dc-9stvs -n bookinfo",
        e.command());
  }

  @Test
  void aLinkerdPodsCommandsLeaveIstioctlOut() {
    Evidence e = cards.card(snapshot, pod("emojivoto/"));

    assertFalse(e.command().contains("istioctl"), e.command());
  }

  @Test
  void redactedCardHidesThePodAndNamespaceNamesTheClusterScreenLearned() {
    WorkloadStatus productpage = pod("bookinfo/productpage");
    KnownValues known = new KnownValues();
    known.learn(Sensitive.NAMESPACE, productpage.pod().namespace());
    known.learn(Sensitive.POD, productpage.pod().name());

    String md =
        EvidenceMarkdown.render(
            cards.card(snapshot, productpage).redacted(Redaction.forScreenShare(true, known)), 3);

    assertFalse(md.contains("productpage-v1-6b746f74dc-9stvs"), md);
    assertFalse(
        md.contains("bookinfo/") || md.contains(".bookinfo") || md.contains("n bookinfo"), md);
    assertTrue(md.contains("\u2039pod-1\u203a"), md);
  }

  private static String value(Evidence e, String label) {
    return e.facts().stream()
        .filter(f -> f.label().equals(label))
        .map(Evidence.Fact::value)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no fact " + label + " in " + e.facts()));
  }
}
