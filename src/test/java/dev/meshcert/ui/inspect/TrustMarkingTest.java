package dev.meshcert.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.analysis.InspectOptions;
import dev.meshcert.core.analysis.Inspector;
import dev.meshcert.core.read.InputReader;
import dev.meshcert.testpki.TestPki;
import dev.meshcert.ui.inspect.InspectNode.ChainData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Marking a loaded bundle or one certificate as trusted, with the real core inspector. */
class TrustMarkingTest {

  @TempDir Path dir;
  final Certs certs = new Certs();
  final ViewModelFixture f =
      new ViewModelFixture(
          (inputs, anchors, passwords) ->
              new Inspector(InputReader.standard()::read)
                  .inspect(
                      inputs,
                      InspectOptions.at(TestPki.CLOCK)
                          .withPasswords(passwords)
                          .withTrustAnchors(anchors)));

  @Test
  void chainIsNotTrustedBeforeAnythingIsMarked() {
    load();

    assertFalse(leafChain().trusted());
  }

  @Test
  void trustingTheRootBundleMakesTheChainTrusted() {
    load();
    select(f.roots().get(1));

    f.model.toggleTrustOfSelection();

    assertTrue(leafChain().trusted());
    assertTrue(f.roots().get(1).marks().contains(Mark.TRUSTED));
    assertTrue(f.model.isSelectionTrusted());
  }

  @Test
  void trustingOneCertificateMakesItAnAnchor() {
    load();
    select(f.certificateNamed("Mesh Root"));

    f.model.toggleTrustOfSelection();

    assertTrue(leafChain().trusted());
    assertTrue(f.certificateNamed("Mesh Root").marks().contains(Mark.TRUSTED));
    assertFalse(f.roots().get(1).marks().contains(Mark.TRUSTED));
  }

  @Test
  void trustingAnIntermediateAnchorsTheChainThere() {
    load();
    select(f.certificateNamed("Istio CA"));

    f.model.toggleTrustOfSelection();

    assertTrue(leafChain().trusted());
  }

  @Test
  void secondToggleStopsTrusting() {
    load();
    select(f.roots().get(1));
    f.model.toggleTrustOfSelection();
    select(f.roots().get(1));

    f.model.toggleTrustOfSelection();

    assertFalse(leafChain().trusted());
    assertFalse(f.roots().get(1).marks().contains(Mark.TRUSTED));
  }

  @Test
  void untrustedChainSaysWhyOnceAnchorsExist() {
    Path leaf = Certs.write(dir, "leaf.pem", certs.workload, certs.intermediate, certs.root);
    TestPki other = new TestPki();
    Path otherRoot = Certs.write(dir, "other.pem", other.root("CN=Other Root").issue());
    f.model.addPaths(List.of(leaf, otherRoot));
    select(f.roots().get(1));

    f.model.toggleTrustOfSelection();

    InspectNode chain = chainNode();
    assertFalse(((ChainData) chain.data()).chain().trusted());
    assertTrue(chain.secondary().contains("not trusted: "), chain.secondary());
  }

  @Test
  void removingATrustedSourceDropsItsTrust() {
    load();
    select(f.roots().get(1));
    f.model.toggleTrustOfSelection();

    f.model.removeSource(f.model.sourceNames().get(1));

    assertEquals(1, f.roots().size());
    assertFalse(leafChain().trusted());
  }

  @Test
  void fieldGroupsCannotBeTrusted() {
    load();
    InspectNode group = f.certificateNamed("Mesh Root").children().get(0);
    select(group);

    assertFalse(f.model.canTrustSelection());
  }

  private void load() {
    Path leaf = Certs.write(dir, "leaf.pem", certs.workload);
    Path cas = Certs.write(dir, "cas.pem", certs.intermediate, certs.root);
    f.model.addPaths(List.of(leaf, cas));
  }

  private void select(InspectNode node) {
    f.model.selectedProperty().set(node);
  }

  private InspectNode chainNode() {
    return f.find(n -> n.data() instanceof ChainData).orElseThrow();
  }

  private dev.meshcert.core.analysis.ChainReport leafChain() {
    return ((ChainData) chainNode().data()).chain();
  }
}
