package dev.meshcert.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.ui.common.SyncTaskRunner;
import dev.meshcert.ui.inspect.InspectNode.CertificateData;
import dev.meshcert.ui.inspect.InspectNode.ChainData;
import dev.meshcert.ui.inspect.InspectNode.SourceData;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectViewModelTest {

  @TempDir Path dir;
  final Certs certs = new Certs();
  final ViewModelFixture f = new ViewModelFixture();

  @Test
  void addedFileBecomesASourceWithItsChain() {
    Path file = Certs.write(dir, "chain.pem", certs.workload, certs.intermediate, certs.root);

    f.model.addPaths(List.of(file));

    assertEquals(1, f.roots().size());
    InspectNode source = f.roots().get(0);
    assertEquals("chain.pem", source.label());
    InspectNode chain = source.children().get(0);
    assertInstanceOf(ChainData.class, chain.data());
    assertEquals(
        List.of("spiffe://cluster.local/ns/shop/sa/cart", "Istio CA", "Mesh Root"),
        chain.children().stream().map(InspectNode::label).toList());
  }

  @Test
  void chainSpansFilesLoadedTogether() {
    Path leaf = Certs.write(dir, "leaf.pem", certs.workload);
    Path cas = Certs.write(dir, "cas.pem", certs.intermediate, certs.root);

    f.model.addPaths(List.of(leaf, cas));

    InspectNode chain = f.roots().get(0).children().get(0);
    assertEquals(3, chain.children().size());
    InspectNode root = chain.children().get(2);
    assertTrue(root.marks().contains(Mark.FOREIGN));
    assertEquals("cas.pem", ((CertificateData) root.data()).foreignSource().replaceAll(".*/", ""));
  }

  @Test
  void expiredCertificateAndItsSourceAreMarkedExpired() {
    Path file = Certs.write(dir, "old.pem", certs.expired, certs.root);

    f.model.addPaths(List.of(file));

    assertTrue(f.certificateNamed("old-gateway").marks().contains(Mark.EXPIRED));
    assertTrue(f.roots().get(0).marks().contains(Mark.EXPIRED));
    assertTrue(f.certificateNamed("old-gateway").secondary().startsWith("expired 12 days ago"));
    assertEquals("2 certificates read · 1 expired", f.roots().get(0).secondary());
  }

  @Test
  void spiffeLeafIsMarkedAndShowsNamespaceAndServiceAccount() {
    f.model.addPaths(List.of(Certs.write(dir, "leaf.pem", certs.workload)));
    InspectNode leaf = f.certificateNamed("spiffe://cluster.local/ns/shop/sa/cart");

    f.model.selectedProperty().set(leaf);

    assertTrue(leaf.marks().contains(Mark.SPIFFE));
    FieldGroup spiffe = group(f.model.detailsProperty().get(), "SPIFFE ID");
    assertEquals("cluster.local", value(spiffe, "Trust domain"));
    assertEquals("shop", value(spiffe, "Namespace"));
    assertEquals("cart", value(spiffe, "Service account"));
  }

  @Test
  void loneRootSitsDirectlyUnderItsSource() {
    f.model.addPaths(List.of(Certs.write(dir, "root.pem", certs.root)));

    InspectNode only = f.roots().get(0).children().get(0);
    assertInstanceOf(CertificateData.class, only.data());
    assertTrue(only.marks().contains(Mark.AUTHORITY));
  }

  @Test
  void chainWithoutItsIssuerIsMarkedAsError() {
    f.model.addPaths(List.of(Certs.write(dir, "leaf.pem", certs.workload)));

    InspectNode chain = f.roots().get(0).children().get(0);
    assertInstanceOf(ChainData.class, chain.data());
    assertTrue(chain.marks().contains(Mark.ERROR));
    assertTrue(chain.secondary().contains("issuer missing: "), chain.secondary());
    assertTrue(chain.secondary().contains("CN=Istio CA"), chain.secondary());
    assertTrue(chain.label().startsWith("Incomplete chain"), chain.label());
  }

  @Test
  void filterKeepsMatchingCertificateWithItsAncestors() {
    f.model.addPaths(
        List.of(
            Certs.write(dir, "chain.pem", certs.workload, certs.intermediate, certs.root),
            Certs.write(dir, "old.pem", certs.expired)));

    f.model.filterTextProperty().set("old-gateway");

    assertEquals(List.of("old.pem"), f.roots().stream().map(InspectNode::label).toList());
    assertTrue(ViewModelFixture.find(f.roots(), n -> n.label().equals("old-gateway")).isPresent());
  }

  @Test
  void filterMatchesExpiryState() {
    f.model.addPaths(
        List.of(
            Certs.write(dir, "chain.pem", certs.workload, certs.intermediate, certs.root),
            Certs.write(dir, "old.pem", certs.expired)));

    f.model.filterTextProperty().set("EXPIRED");

    assertEquals(List.of("old.pem"), f.roots().stream().map(InspectNode::label).toList());
  }

  @Test
  void clearingTheFilterShowsEverythingAgain() {
    f.model.addPaths(
        List.of(Certs.write(dir, "a.pem", certs.root), Certs.write(dir, "b.pem", certs.expired)));
    f.model.filterTextProperty().set("no such certificate");
    assertTrue(f.roots().isEmpty());

    f.model.filterTextProperty().set("");

    assertEquals(2, f.roots().size());
  }

  @Test
  void removingASourceReinspectsTheOthers() {
    Path a = Certs.write(dir, "a.pem", certs.workload);
    Path b = Certs.write(dir, "b.pem", certs.intermediate, certs.root);
    f.model.addPaths(List.of(a, b));

    f.model.removeSource(a.toString());

    assertEquals(List.of("b.pem"), f.roots().stream().map(InspectNode::label).toList());
    assertEquals(List.of(b.toString()), f.inspection.calls.get(f.inspection.calls.size() - 1));
  }

  @Test
  void removingTheSelectedSourceUsesTheSourceOfTheSelection() {
    Path a = Certs.write(dir, "a.pem", certs.root);
    Path b = Certs.write(dir, "b.pem", certs.expired);
    f.model.addPaths(List.of(a, b));
    f.model.selectedProperty().set(f.certificateNamed("old-gateway"));

    f.model.removeSelectedSource();

    assertEquals(List.of(a.toString()), f.model.sourceNames());
  }

  @Test
  void addingTheSameFileAgainReplacesIt() {
    Path a = Certs.write(dir, "a.pem", certs.root);
    f.model.addPaths(List.of(a));
    Certs.write(dir, "a.pem", certs.intermediate);

    f.model.addPaths(List.of(a));

    assertEquals(1, f.roots().size());
    assertEquals("Istio CA", f.roots().get(0).children().get(0).children().get(0).label());
  }

  @Test
  void missingFileBecomesASourceWithAProblem() {
    f.model.addPaths(List.of(dir.resolve("gone.pem")));

    InspectNode source = f.roots().get(0);
    assertTrue(source.marks().contains(Mark.ERROR));
    assertEquals(
        "No such file.", ((SourceData) source.data()).source().problems().get(0).message());
  }

  @Test
  void sourcesKeepTheOrderTheFilesWereGivenIn() {
    Path a = Certs.write(dir, "a.pem", certs.root);
    Path c = Certs.write(dir, "c.pem", certs.expired);

    f.model.addPaths(List.of(a, dir.resolve("b-missing.pem"), c));

    assertEquals(
        List.of("a.pem", "b-missing.pem", "c.pem"),
        f.roots().stream().map(InspectNode::label).toList());
  }

  @Test
  void pasteAddsClipboardTextAsASource() {
    f.clipboard.text = certs.root.pem();

    f.model.paste();

    assertEquals(List.of("clipboard"), f.model.sourceNames());
    assertEquals("Mesh Root", f.roots().get(0).children().get(0).label());
  }

  @Test
  void secondPasteGetsItsOwnName() {
    f.clipboard.text = certs.root.pem();
    f.model.paste();

    f.model.paste();

    assertEquals(List.of("clipboard", "clipboard (2)"), f.model.sourceNames());
  }

  @Test
  void pasteOfCopiedFilesReadsTheFiles() {
    f.clipboard.files = List.of(Certs.write(dir, "a.pem", certs.root));

    f.model.paste();

    assertEquals(List.of("a.pem"), f.roots().stream().map(InspectNode::label).toList());
  }

  @Test
  void copyPemOfAChainCopiesEveryCertificate() {
    f.model.addPaths(
        List.of(Certs.write(dir, "chain.pem", certs.workload, certs.intermediate, certs.root)));
    f.model.selectedProperty().set(f.roots().get(0).children().get(0));

    f.model.copySelectedPem();

    assertEquals(
        certs.workload.pem() + certs.intermediate.pem() + certs.root.pem(),
        f.clipboard.text.replace("\r\n", "\n"));
    assertEquals("Copied the PEM of 3 certificates.", f.model.statusProperty().get());
  }

  @Test
  void copyTextViewUsesTheRenderer() {
    f.model.addPaths(List.of(Certs.write(dir, "root.pem", certs.root)));
    f.model.selectedProperty().set(f.certificateNamed("Mesh Root"));

    f.model.copySelectedText();

    assertEquals("TEXT OF Mesh Root", f.clipboard.text);
  }

  @Test
  void copyValueOfAFieldGroupCopiesItsFields() {
    f.model.addPaths(List.of(Certs.write(dir, "leaf.pem", certs.workload)));
    InspectNode spiffe =
        f.find(n -> n.data() instanceof InspectNode.GroupData g && g.group() == GroupId.SPIFFE)
            .orElseThrow();
    f.model.selectedProperty().set(spiffe);

    f.model.copySelectedValue();

    assertTrue(f.clipboard.text.contains("Namespace: shop"), f.clipboard.text);
  }

  @Test
  void copyValueOfACertificateCopiesItsSummary() {
    f.model.addPaths(List.of(Certs.write(dir, "leaf.pem", certs.workload)));

    f.model.copySelectedValue();

    assertTrue(f.clipboard.text.startsWith("Subject: \nIssuer: "), f.clipboard.text);
    assertTrue(
        f.clipboard.text.endsWith("SPIFFE ID: spiffe://cluster.local/ns/shop/sa/cart"),
        f.clipboard.text);
  }

  @Test
  void firstCertificateIsSelectedAfterLoading() {
    f.model.addPaths(List.of(Certs.write(dir, "old.pem", certs.expired)));

    assertEquals("old-gateway", f.model.selectedProperty().get().label());
    assertEquals("old-gateway", f.model.detailsProperty().get().title());
  }

  @Test
  void selectionSurvivesReinspection() {
    f.model.addPaths(List.of(Certs.write(dir, "a.pem", certs.root, certs.expired)));
    InspectNode root = f.certificateNamed("Mesh Root");
    f.model.selectedProperty().set(root);

    f.model.addPaths(List.of(Certs.write(dir, "b.pem", certs.workload)));

    assertEquals(root.key(), f.model.selectedProperty().get().key());
  }

  @Test
  void selectionFilteredAwayMovesToTheFirstMatch() {
    f.model.addPaths(
        List.of(Certs.write(dir, "a.pem", certs.root), Certs.write(dir, "b.pem", certs.expired)));
    f.model.selectedProperty().set(f.certificateNamed("Mesh Root"));

    f.model.filterTextProperty().set("old-gateway");

    assertEquals("old-gateway", f.model.selectedProperty().get().label());
  }

  @Test
  void selectionIsClearedWhenNothingMatches() {
    f.model.addPaths(List.of(Certs.write(dir, "a.pem", certs.root)));

    f.model.filterTextProperty().set("nothing matches this");

    assertNull(f.model.selectedProperty().get());
    assertEquals(Details.NONE, f.model.detailsProperty().get());
  }

  @Test
  void statusCountsSourcesCertificatesAndExpiry() {
    f.model.addPaths(
        List.of(
            Certs.write(dir, "a.pem", certs.root, certs.expired),
            Certs.write(dir, "b.pem", certs.workload)));

    assertEquals(
        "2 sources · 3 certificates · 1 expired · 0 expiring · 0 not yet valid",
        f.model.statusProperty().get());
  }

  @Test
  void statusSaysHowManySourcesTheFilterShows() {
    f.model.addPaths(
        List.of(Certs.write(dir, "a.pem", certs.root), Certs.write(dir, "b.pem", certs.expired)));

    f.model.filterTextProperty().set("old-gateway");

    assertTrue(
        f.model.statusProperty().get().endsWith(" · filter: 1 source shown"),
        f.model.statusProperty().get());
  }

  @Test
  void emptyUntilSomethingIsAdded() {
    assertTrue(f.model.emptyProperty().get());

    f.model.addPaths(List.of(Certs.write(dir, "a.pem", certs.root)));

    assertFalse(f.model.emptyProperty().get());
  }

  @Test
  void openFilesAddsWhatTheDialogChose() {
    f.dialogs.filesToChoose = List.of(Certs.write(dir, "a.pem", certs.root));

    f.model.openFiles();

    assertEquals(1, f.roots().size());
  }

  @Test
  void cancelledFileDialogAddsNothing() {
    f.model.openFiles();

    assertTrue(f.runner.titles().isEmpty());
  }

  @Test
  void inspectionFailureIsShownAsAProblem() {
    f.inspection.failure = new IllegalStateException("reader bug");

    f.model.addPaths(List.of(Certs.write(dir, "a.pem", certs.root)));

    assertEquals(1, f.dialogs.problems.size());
    assertTrue(f.dialogs.problems.get(0).whatHappened().contains("reader bug"));
    assertTrue(f.dialogs.problems.get(0).detail().isPresent());
    assertFalse(f.model.busyProperty().get());
  }

  @Test
  void passwordIsAskedOnceAndRememberedForLaterInspections() {
    f.inspection.askPassword = true;
    f.dialogs.passwordAnswers.add("changeit");
    Path a = Certs.write(dir, "a.pem", certs.root);
    f.model.addPaths(List.of(a));

    f.model.addPaths(List.of(Certs.write(dir, "b.pem", certs.expired)));

    assertEquals(List.of(a + "#1"), f.dialogs.passwordQuestions);
    assertEquals(List.of("changeit", "changeit"), f.inspection.passwordsGiven);
  }

  @Test
  void declinedPasswordIsNotAskedAgainOnEveryInspection() {
    f.inspection.askPassword = true;
    f.model.addPaths(List.of(Certs.write(dir, "a.pem", certs.root)));

    f.model.addText("pasted", certs.expired.pem());

    assertEquals(1, f.dialogs.passwordQuestions.size());
  }

  @Test
  void staleInspectionResultIsDropped() {
    ViewModelFixture g = new ViewModelFixture(SyncTaskRunner.deferredWithLateCancel());
    g.model.addText("first", certs.root.pem());
    g.model.addText("second", certs.expired.pem());
    assertEquals(2, g.runner.pendingCount());

    g.runner.runLatest();
    g.runner.runNext();

    assertEquals(2, g.roots().size());
    assertEquals(2, g.model.analysis().sources().size());
  }

  @Test
  void filterTypedWhileInspectingIsApplied() {
    ViewModelFixture g = new ViewModelFixture(SyncTaskRunner.deferred());
    g.model.addPaths(
        List.of(Certs.write(dir, "a.pem", certs.root), Certs.write(dir, "old.pem", certs.expired)));
    g.runner.runNext();

    g.model.filterTextProperty().set("old-gateway");
    g.runner.runAll();

    assertEquals(List.of("old.pem"), g.roots().stream().map(InspectNode::label).toList());
  }

  @Test
  void nodeSelectedWhileInspectingStaysSelectedWithItsDetails() {
    ViewModelFixture g = new ViewModelFixture(SyncTaskRunner.deferred());
    g.model.addPaths(List.of(Certs.write(dir, "a.pem", certs.root, certs.expired)));
    g.runner.runAll();
    assertEquals("old-gateway", g.model.selectedProperty().get().label());
    g.model.addPaths(List.of(Certs.write(dir, "b.pem", certs.workload)));
    g.runner.runNext();

    g.model.selectedProperty().set(g.certificateNamed("Mesh Root"));
    g.runner.runAll();

    assertEquals("Mesh Root", g.model.selectedProperty().get().label());
    assertEquals("Mesh Root", g.model.detailsProperty().get().title());
  }

  @Test
  void busyWhileReadingAndInspecting() {
    ViewModelFixture g = new ViewModelFixture(SyncTaskRunner.deferred());

    g.model.addPaths(List.of(Certs.write(dir, "a.pem", certs.root)));
    assertTrue(g.model.busyProperty().get());
    assertEquals(-1.0, g.model.progressProperty().get());

    g.runner.runAll();
    assertFalse(g.model.busyProperty().get());
    assertEquals(0.0, g.model.progressProperty().get());
  }

  @Test
  void closeCancelsWorkStillRunning() {
    ViewModelFixture g = new ViewModelFixture(SyncTaskRunner.deferred());
    g.model.addPaths(List.of(Certs.write(dir, "a.pem", certs.root)));

    g.model.close();
    g.runner.runAll();

    assertTrue(g.roots().isEmpty());
    assertFalse(g.model.busyProperty().get());
  }

  @Test
  void clearRemovesEverySource() {
    f.model.addPaths(
        List.of(Certs.write(dir, "a.pem", certs.root), Certs.write(dir, "b.pem", certs.expired)));

    f.model.clear();

    assertTrue(f.roots().isEmpty());
    assertTrue(f.model.emptyProperty().get());
    assertEquals(Optional.empty(), Optional.ofNullable(f.model.selectedProperty().get()));
  }

  static FieldGroup group(Details details, String title) {
    return details.groups().stream()
        .filter(g -> g.title().equals(title))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no group " + title + " in " + details));
  }

  static String value(FieldGroup group, String label) {
    return group.fields().stream()
        .filter(x -> x.label().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no field " + label + " in " + group))
        .value();
  }
}
