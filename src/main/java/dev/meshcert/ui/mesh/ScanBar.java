package dev.meshcert.ui.mesh;

import dev.meshcert.ui.common.Icons;
import dev.meshcert.ui.common.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;

/**
 * Where the Mesh screen's data comes from: dump files, and when scanning is available the target,
 * the parallelism, Scan and Demo; a progress bar and Cancel while work runs.
 */
final class ScanBar {

  private final ToolBar bar = new ToolBar();

  ScanBar(MeshViewModel model, Optional<ScanViewModel> scan, Messages messages) {
    bar.setId("mesh-scan-bar");
    List<Node> items = new ArrayList<>();
    Button open = new Button(messages.get("mesh.openDumps"), Icons.OPEN_FILE.node());
    open.setId("open-dumps");
    open.setTooltip(new Tooltip(messages.get("mesh.openDumps.tip")));
    open.setOnAction(e -> model.openFiles());
    items.add(open);
    scan.ifPresent(s -> items.addAll(scanControls(s, model, messages)));
    ProgressBar progress = new ProgressBar();
    progress.setId("mesh-progress");
    progress.progressProperty().bind(model.progressProperty());
    progress.visibleProperty().bind(model.busyProperty());
    Button cancel = new Button(messages.get("mesh.cancel"), Icons.CLEAR.node());
    cancel.setId("mesh-cancel");
    cancel.visibleProperty().bind(model.busyProperty());
    cancel.setOnAction(e -> model.cancel());
    items.add(new Separator());
    items.add(progress);
    items.add(cancel);
    bar.getItems().setAll(items);
  }

  Node node() {
    return bar;
  }

  private static List<Node> scanControls(ScanViewModel s, MeshViewModel model, Messages messages) {
    Label cluster = new Label();
    cluster.setId("scan-cluster");
    cluster.textProperty().bind(s.clusterNameProperty());
    TextField target = new TextField();
    target.setId("scan-target");
    target.setPromptText(messages.get("mesh.scan.target.prompt"));
    target.setPrefColumnCount(18);
    target.textProperty().bindBidirectional(s.targetProperty());
    target.setOnAction(e -> s.scan());
    Spinner<Integer> parallel = new Spinner<>(1, 64, s.parallelismProperty().get());
    parallel.setId("scan-parallelism");
    parallel.setEditable(true);
    parallel.setPrefWidth(80);
    parallel.setTooltip(new Tooltip(messages.get("mesh.scan.parallelism.tip")));
    parallel.valueProperty().addListener((o, a, b) -> s.parallelismProperty().set(b));
    Button go = new Button(messages.get("mesh.scan"));
    go.setId("scan");
    go.disableProperty().bind(model.busyProperty());
    go.setOnAction(e -> s.scan());
    Button demo = new Button(messages.get("mesh.scan.demoButton"));
    demo.setId("scan-demo");
    demo.disableProperty().bind(model.busyProperty());
    demo.setOnAction(e -> s.scanDemo());
    return List.of(
        new Separator(),
        new Label(messages.get("mesh.scan.on")),
        cluster,
        target,
        new Label(messages.get("mesh.scan.parallelism")),
        parallel,
        go,
        demo);
  }
}
