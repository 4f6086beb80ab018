package dev.meshcert.ui.mesh;

import dev.meshcert.core.redact.Sensitive;
import dev.meshcert.ui.common.Icons;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;

/**
 * The Mesh screen: scan and file controls on top, the trust tree (by root or by bundle, stragglers
 * marked), the expiry timeline below it, and what could not be read. Only binds and forwards.
 */
public final class MeshView {

  private final MeshViewModel model;
  private final Messages messages;
  private final TrustTable table;
  private final TimelineChart chart = new TimelineChart();
  private final ListView<String> failures = new ListView<>();
  private final TitledPane failurePane = new TitledPane();
  private final BorderPane view = new BorderPane();

  /**
   * @param redactor masks what the canvas draws and learns the pod and namespace names shown
   */
  public MeshView(
      MeshViewModel model, Optional<ScanViewModel> scan, Messages messages, Redactor redactor) {
    this.model = model;
    this.messages = messages;
    this.table =
        new TrustTable(messages, s -> model.selectionProperty().set(s), model::openWorkload);
    VBox top = new VBox(new ScanBar(model, scan, messages).node(), trustBar());
    view.setTop(top);
    SplitPane split = new SplitPane(table.node(), timelinePane());
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.5);
    // The hint is the trust table's placeholder: over the whole split it sat on the timeline's
    // toolbar.
    table.node().setPlaceholder(emptyHint());
    view.setCenter(split);
    view.setBottom(failurePane());
    view.getStyleClass().add("mesh-view");
    model.rowsProperty().addListener((o, a, b) -> table.show(b));
    table.show(model.rowsProperty().get());
    TimelineViewModel t = model.timeline();
    chart.timelineProperty().bind(t.timelineProperty());
    chart.rangeProperty().bindBidirectional(t.rangeProperty());
    chart.setOnOpen(t::open);
    chart.setDescribe(t::describe);
    model.analysisProperty().addListener((o, a, b) -> showFailures(b));
    chart.setRedact(redactor::text);
    redactor.policyProperty().addListener((o, a, b) -> chart.redraw());
    redactor.learnedProperty().addListener((o, a, b) -> chart.redraw());
    model.analysisProperty().addListener((o, a, b) -> learnNames(redactor, b.data()));
  }

  private static void learnNames(Redactor redactor, MeshData data) {
    List<String> pods = new ArrayList<>();
    List<String> namespaces = new ArrayList<>();
    data.workloads().forEach(w -> split(w.workload(), pods, namespaces));
    data.failures().forEach(f -> split(f.name(), pods, namespaces));
    redactor.learn(Sensitive.POD, pods);
    redactor.learn(Sensitive.NAMESPACE, namespaces);
  }

  private static void split(String ref, List<String> pods, List<String> namespaces) {
    int slash = ref.indexOf('/');
    if (slash > 0 && !ref.contains("://")) {
      namespaces.add(ref.substring(0, slash));
      String pod = ref.substring(slash + 1);
      int space = pod.indexOf(' ');
      pods.add(space > 0 ? pod.substring(0, space) : pod);
    }
  }

  /** The screen content. */
  public Node node() {
    return view;
  }

  /** The timeline chart, for tests. */
  TimelineChart chart() {
    return chart;
  }

  /** Compares the two selected workloads in a dialog. */
  public void compare() {
    model
        .compareSelected()
        .ifPresent(c -> CompareDialog.show(view.getScene().getWindow(), c, messages));
  }

  private ToolBar trustBar() {
    ToggleButton byRoot = new ToggleButton(messages.get("mesh.group.byRoot"));
    ToggleButton byBundle = new ToggleButton(messages.get("mesh.group.byBundle"));
    byRoot.setId("group-by-root");
    byBundle.setId("group-by-bundle");
    SegmentedButton grouping = new SegmentedButton(byRoot, byBundle);
    byRoot.setSelected(model.groupingProperty().get() == Grouping.ROOT);
    byBundle.setSelected(model.groupingProperty().get() == Grouping.BUNDLE);
    grouping
        .getToggleGroup()
        .selectedToggleProperty()
        .addListener(
            (o, a, b) -> {
              if (b == null) {
                a.setSelected(true);
              } else {
                model.groupingProperty().set(b == byRoot ? Grouping.ROOT : Grouping.BUNDLE);
              }
            });
    model
        .groupingProperty()
        .addListener(
            (o, a, b) -> {
              byRoot.setSelected(b == Grouping.ROOT);
              byBundle.setSelected(b == Grouping.BUNDLE);
            });
    CheckBox stragglers = new CheckBox(messages.get("mesh.stragglersOnly"));
    stragglers.setId("stragglers-only");
    stragglers.selectedProperty().bindBidirectional(model.stragglersOnlyProperty());
    CustomTextField filter = (CustomTextField) TextFields.createClearableTextField();
    filter.setId("mesh-filter");
    filter.setPromptText(messages.get("mesh.filter.prompt"));
    filter.setLeft(Icons.FILTER.node());
    filter.textProperty().bindBidirectional(model.filterTextProperty());
    Button compare = new Button(messages.get("mesh.compare"));
    compare.setId("compare");
    compare.setTooltip(new Tooltip(messages.get("mesh.compare.tip")));
    compare
        .disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> model.selectionProperty().get().size() != 2, model.selectionProperty()));
    compare.setOnAction(e -> compare());
    Button inspect = new Button(messages.get("mesh.openInInspect"), Icons.INSPECT.node());
    inspect.setId("open-in-inspect");
    inspect
        .disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> model.selectionProperty().get().size() != 1, model.selectionProperty()));
    inspect.setOnAction(e -> model.openWorkload(model.selectionProperty().get().get(0)));
    return new ToolBar(
        grouping, stragglers, new Separator(), filter, new Separator(), compare, inspect);
  }

  private Node timelinePane() {
    TimelineViewModel t = model.timeline();
    ChoiceBox<BarFilter> show =
        new ChoiceBox<>(FXCollections.observableArrayList(BarFilter.values()));
    show.setId("bar-filter");
    show.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(BarFilter f) {
            return f == null
                ? ""
                : messages.get("mesh.bars." + f.name().toLowerCase(java.util.Locale.ROOT));
          }

          @Override
          public BarFilter fromString(String s) {
            return null;
          }
        });
    show.valueProperty().bindBidirectional(t.filterProperty());
    Button leaves = button("mesh.timeline.fitLeaves", "fit-leaves", t::fitLeaves);
    Button all = button("mesh.timeline.fitAll", "fit-all", t::fitAll);
    Button in = button("mesh.timeline.zoomIn", "zoom-in", t::zoomIn);
    Button out = button("mesh.timeline.zoomOut", "zoom-out", t::zoomOut);
    Label legend = new Label(messages.get("mesh.timeline.legend"));
    legend.getStyleClass().add("timeline-legend");
    ToolBar bar =
        new ToolBar(new Label(messages.get("mesh.timeline")), show, leaves, all, in, out, legend);
    bar.setId("timeline-bar");
    VBox box = new VBox(bar, chart);
    VBox.setVgrow(chart, Priority.ALWAYS);
    return box;
  }

  private Button button(String key, String id, Runnable action) {
    Button b = new Button(messages.get(key));
    b.setId(id);
    b.setOnAction(e -> action.run());
    return b;
  }

  private Node failurePane() {
    failures.setId("mesh-failures");
    failures.setPrefHeight(110);
    failurePane.setContent(failures);
    failurePane.setId("mesh-failure-pane");
    failurePane.setExpanded(false);
    failurePane.managedProperty().bind(failurePane.visibleProperty());
    showFailures(model.analysisProperty().get());
    return failurePane;
  }

  private void showFailures(MeshAnalysis a) {
    List<String> lines = new ArrayList<>();
    a.data().failures().forEach(f -> lines.add(f.name() + ": " + f.reason()));
    lines.addAll(a.data().problems());
    failures.setItems(FXCollections.observableArrayList(lines));
    failurePane.setText(messages.get("mesh.failures", lines.size()));
    failurePane.setVisible(!lines.isEmpty());
  }

  private Node emptyHint() {
    Label hint = new Label(messages.get("mesh.empty.hint"));
    hint.setId("mesh-empty-hint");
    hint.setWrapText(true);
    hint.getStyleClass().add("empty-hint");
    hint.visibleProperty()
        .bind(
            Bindings.createBooleanBinding(
                () ->
                    model.analysisProperty().get().data().isEmpty() && !model.busyProperty().get(),
                model.analysisProperty(),
                model.busyProperty()));
    hint.setMouseTransparent(true);
    return hint;
  }
}
