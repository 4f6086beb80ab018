package dev.meshcert.ui.probe;

import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.probe.ProbeRequest.IdentityKind;
import dev.meshcert.ui.probe.ProbeRequest.Route;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The probe panel, built in code: the form, the result matrix (rows marked {@code :success}, {@code
 * :refused}, {@code :failure}, {@code :cancelled}), the verdict, and the selected row's
 * explanation, transcript and reproduce command with copy buttons. It only binds and forwards.
 */
public final class ProbeView {
  private static final String[] MARKS = {"success", "refused", "failure", "cancelled"};

  private final ProbeViewModel model;
  private final Messages messages;
  private final BorderPane root = new BorderPane();

  public ProbeView(ProbeViewModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
    root.getStyleClass().add("probe-view");
    root.getStylesheets()
        .add(
            Objects.requireNonNull(ProbeView.class.getResource("probe.css"), "probe.css")
                .toExternalForm());
    root.setTop(form());
    SplitPane split = new SplitPane(results(), details());
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.35);
    root.setCenter(split);
  }

  /** The panel's root node. */
  public Node node() {
    return root;
  }

  private Node form() {
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(6);
    g.setPadding(new Insets(8));
    ComboBox<Route> route = new ComboBox<>();
    route.getItems().setAll(Route.values());
    route.setId("probe-route");
    route.setButtonCell(cell("probe.route."));
    route.setCellFactory(l -> cell("probe.route."));
    route.valueProperty().bindBidirectional(model.routeProperty());
    ComboBox<IdentityKind> identity = new ComboBox<>();
    identity.getItems().setAll(IdentityKind.values());
    identity.setId("probe-identity");
    identity.setButtonCell(cell("probe.identity."));
    identity.setCellFactory(l -> cell("probe.identity."));
    identity.valueProperty().bindBidirectional(model.identityProperty());
    Spinner<Integer> timeout = new Spinner<>(1, 120, model.timeoutSecondsProperty().get());
    timeout.setId("probe-timeout");
    timeout.setEditable(true);
    timeout.valueProperty().addListener((o, was, now) -> model.timeoutSecondsProperty().set(now));
    int row = 0;
    g.addRow(row++, label("probe.route"), route, label("probe.timeout"), timeout);
    g.addRow(
        row++,
        label("probe.target"),
        field("probe-target", model.targetProperty()),
        label("probe.sni"),
        field("probe-sni", model.serverNameProperty()));
    g.addRow(
        row++,
        label("probe.source"),
        field("probe-source", model.sourcePodProperty()),
        label("probe.container"),
        field("probe-container", model.containerProperty()));
    g.addRow(
        row++,
        label("probe.path"),
        field("probe-path", model.pathProperty()),
        label("probe.expect"),
        field("probe-expect", model.expectedSpiffeIdProperty()));
    g.addRow(
        row++,
        label("probe.identity"),
        identity,
        label("probe.spiffe"),
        field("probe-spiffe", model.spiffeIdProperty()));
    g.addRow(
        row++,
        label("probe.cert"),
        field("probe-cert", model.certFileProperty()),
        label("probe.key"),
        field("probe-key", model.keyFileProperty()));
    g.addRow(row++, label("probe.roots"), field("probe-roots", model.rootsFileProperty()));
    Label note = new Label();
    note.setId("probe-route-note");
    note.getStyleClass().add("probe-note");
    note.setWrapText(true);
    note.textProperty().bind(model.routeNoteProperty());
    note.visibleProperty().bind(note.textProperty().isNotEmpty());
    note.managedProperty().bind(note.visibleProperty());
    Button run = new Button(messages.get("probe.run"));
    run.setId("probe-run");
    run.setDefaultButton(true);
    run.disableProperty().bind(model.runningProperty());
    run.setOnAction(e -> model.run());
    Button cancel = new Button(messages.get("probe.cancel"));
    cancel.setId("probe-cancel");
    cancel.disableProperty().bind(model.runningProperty().not());
    cancel.setOnAction(e -> model.cancel());
    HBox buttons = new HBox(8, run, cancel);
    VBox top = new VBox(6, g, note, buttons);
    top.setPadding(new Insets(0, 8, 8, 8));
    return top;
  }

  private Node results() {
    TableView<ResultRow> table = new TableView<>(model.rows());
    table.setId("probe-results");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    TableColumn<ResultRow, String> experiment =
        new TableColumn<>(messages.get("probe.column.experiment"));
    experiment.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().experiment()));
    TableColumn<ResultRow, String> outcome =
        new TableColumn<>(messages.get("probe.column.outcome"));
    outcome.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().title()));
    table.getColumns().add(experiment);
    table.getColumns().add(outcome);
    table.setRowFactory(t -> new MarkedRow());
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, was, now) -> model.selectedProperty().set(now));
    model
        .selectedProperty()
        .addListener(
            (o, was, now) -> {
              if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
              }
            });
    Label verdict = new Label();
    verdict.setId("probe-verdict");
    verdict.getStyleClass().add("probe-verdict");
    verdict
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    model.verdictProperty().get().isEmpty()
                        ? ""
                        : messages.get("probe.verdict", model.verdictProperty().get()),
                model.verdictProperty()));
    VBox box = new VBox(4, table, verdict);
    VBox.setVgrow(table, Priority.ALWAYS);
    box.setPadding(new Insets(0, 8, 4, 8));
    return box;
  }

  private Node details() {
    Label explanation = new Label();
    explanation.setId("probe-explanation");
    explanation.setWrapText(true);
    explanation
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    model.selectedProperty().get() == null
                        ? ""
                        : model.selectedProperty().get().explanation(),
                model.selectedProperty()));
    TextArea transcript = area("probe-transcript", model.transcriptProperty());
    TextArea reproduce = area("probe-reproduce", model.reproduceProperty());
    reproduce.setPrefRowCount(3);
    Button copyTranscript = new Button(messages.get("probe.copy.transcript"));
    copyTranscript.setId("probe-copy-transcript");
    copyTranscript.setOnAction(e -> model.copyTranscript());
    copyTranscript.disableProperty().bind(transcript.textProperty().isEmpty());
    Button copyReproduce = new Button(messages.get("probe.copy.reproduce"));
    copyReproduce.setId("probe-copy-reproduce");
    copyReproduce.setOnAction(e -> model.copyReproduce());
    copyReproduce.disableProperty().bind(reproduce.textProperty().isEmpty());
    Button copyEvidence = new Button(messages.get("probe.copy.evidence"));
    copyEvidence.setId("probe-copy-evidence");
    copyEvidence.setOnAction(e -> model.copyEvidence());
    copyEvidence.disableProperty().bind(model.selectedProperty().isNull());
    VBox box =
        new VBox(
            6,
            explanation,
            transcript,
            new HBox(8, copyTranscript),
            reproduce,
            new HBox(8, copyReproduce, copyEvidence));
    VBox.setVgrow(transcript, Priority.ALWAYS);
    box.setPadding(new Insets(4, 8, 8, 8));
    return box;
  }

  /**
   * A read-only area that follows {@code text}. Set, not bound: the window's screen guard masks
   * read-only text it can rewrite, and leaves bound text alone.
   */
  private static TextArea area(String id, javafx.beans.value.ObservableStringValue text) {
    TextArea a = new TextArea(text.get());
    a.setId(id);
    a.setEditable(false);
    a.getStyleClass().add("monospace");
    text.addListener((o, was, now) -> a.setText(now));
    return a;
  }

  private Label label(String key) {
    return new Label(messages.get(key));
  }

  private static TextField field(String id, javafx.beans.property.StringProperty p) {
    TextField f = new TextField();
    f.setId(id);
    f.textProperty().bindBidirectional(p);
    f.setPrefColumnCount(28);
    return f;
  }

  private <T extends Enum<T>> ListCell<T> cell(String prefix) {
    return new ListCell<>() {
      @Override
      protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : messages.get(prefix + item.name()));
      }
    };
  }

  /** A result row marked by its outcome, with the explanation as tooltip. */
  private static final class MarkedRow extends TableRow<ResultRow> {
    @Override
    protected void updateItem(ResultRow item, boolean empty) {
      super.updateItem(item, empty);
      for (String m : MARKS) {
        pseudoClassStateChanged(
            PseudoClass.getPseudoClass(m), !empty && item != null && item.mark().equals(m));
      }
      setTooltip(empty || item == null ? null : new Tooltip(item.explanation()));
    }
  }
}
