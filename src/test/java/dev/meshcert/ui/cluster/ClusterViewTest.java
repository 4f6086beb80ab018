package dev.meshcert.ui.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.MeshScanner;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.kube.demo.DemoCluster;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.testpki.TestPki;
import dev.meshcert.ui.common.SyncTaskRunner;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real Cluster view on the demo mesh. */
@ExtendWith(ApplicationExtension.class)
class ClusterViewTest {

  private ClusterViewModel model;

  @Start
  void start(Stage stage) {
    DemoCluster demo = DemoCluster.create(TestPki.CLOCK);
    ClusterService service =
        new ClusterService() {
          @Override
          public List<String> contexts() {
            return List.of();
          }

          @Override
          public Optional<String> currentContext() {
            return Optional.empty();
          }

          @Override
          public List<String> kubeconfigProblems() {
            return List.of();
          }

          @Override
          public ClusterConnection connect(ContextChoice choice) {
            return demo;
          }

          @Override
          public MeshSnapshot scan(ClusterConnection c, NamespaceScope scope, Cancellation cancel)
              throws KubeException {
            return new MeshScanner(TestPki.CLOCK).scan(c, scope, cancel);
          }
        };
    model =
        new ClusterViewModel(
            service,
            SyncTaskRunner.immediate(),
            new RecordingDialogs(),
            javafx.application.Platform::runLater,
            f -> {},
            ClusterScreen.messages(Locale.ROOT),
            TestPki.CLOCK);
    ClusterView view = new ClusterView(model, ClusterScreen.messages(Locale.ROOT));
    stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1200, 800));
    stage.show();
    model.start(false);
  }

  @Test
  void podsAreGroupedByNamespace(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    @SuppressWarnings("unchecked")
    TreeTableView<ClusterTreeRow> tree = robot.lookup("#cluster-pods").queryAs(TreeTableView.class);
    assertEquals(
        List.of(
            "ambient-demo",
            "bookinfo",
            "default",
            "emojivoto",
            "istio-system",
            "legacy",
            "linkerd"),
        tree.getRoot().getChildren().stream().map(t -> t.getValue().namespace()).toList());
  }

  @Test
  void podWithoutSidecarIsMarkedPlainText(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    boolean marked =
        robot.lookup(".mtls-badge-cell").queryAllAs(TreeTableCell.class).stream()
            .filter(c -> "no sidecar: plain text only".equals(c.getText()))
            .anyMatch(
                c -> c.getPseudoClassStates().contains(PseudoClass.getPseudoClass("no-sidecar")));
    assertTrue(marked);
  }

  @Test
  void theCardIsAHintUntilAPodIsSelected(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(robot.lookup("#cluster-details-hint").tryQuery().isPresent());
    assertTrue(robot.lookup("#cluster-evidence").tryQuery().isEmpty(), "no card controls yet");
    robot.clickOn("productpage-v1-6b746f74dc-9stvs");
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(robot.lookup("#cluster-details-hint").tryQuery().isEmpty());
    @SuppressWarnings("unchecked")
    javafx.scene.control.TableView<PortRow> ports =
        robot.lookup("#cluster-ports").queryAs(javafx.scene.control.TableView.class);
    assertEquals(List.of(9080, 15090), ports.getItems().stream().map(PortRow::port).toList());
    // made at no width, the table once gave the last column everything and the others nothing
    assertTrue(
        ports.getColumns().stream().allMatch(c -> c.getWidth() >= 60),
        ports.getColumns().stream().map(c -> c.getText() + " " + c.getWidth()).toList().toString());
  }

  @Test
  void selectingAPodShowsItsEvidence(FxRobot robot) {
    robot.clickOn("productpage-v1-6b746f74dc-9stvs");
    WaitForAsyncUtils.waitForFxEvents();
    @SuppressWarnings("unchecked")
    ListView<String> evidence = robot.lookup("#cluster-evidence").queryAs(ListView.class);
    assertTrue(
        evidence.getItems().stream().anyMatch(e -> e.contains("container istio-proxy")),
        evidence.getItems().toString());
  }

  @Test
  void podsSelectedInTheTreeAreTheViewModelsSelection(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    @SuppressWarnings("unchecked")
    TreeTableView<ClusterTreeRow> tree = robot.lookup("#cluster-pods").queryAs(TreeTableView.class);
    robot.interact(
        () ->
            tree.getRoot().getChildren().stream()
                .flatMap(ns -> ns.getChildren().stream())
                .filter(
                    i ->
                        i.getValue().pod().map(WorkloadRow::name).orElse("").startsWith("details")
                            || i.getValue()
                                .pod()
                                .map(WorkloadRow::name)
                                .orElse("")
                                .startsWith("curl"))
                .forEach(i -> tree.getSelectionModel().select(i)));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(
        List.of("bookinfo/details-v1-79f774bdb9-kq2lw", "default/curl-5b5d8d6b5c-qp7tn"),
        model.selectedRows().stream().map(WorkloadRow::ref).sorted().toList());
  }
}
