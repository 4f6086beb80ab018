package dev.meshcert.ui.cluster;

import dev.meshcert.ui.common.Messages;
import java.util.Objects;
import java.util.function.Function;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;

/**
 * The Cluster screen's nodes: a toolbar (context, namespace, refresh, demo, filter), pods grouped
 * by namespace with data plane and mTLS badge, and for the selected pod its evidence, ports, policy
 * text and warnings; the control planes and problems below. Only binds and forwards.
 */
public final class ClusterView {

  static final String STYLESHEET = "/dev/meshcert/ui/cluster/cluster.css";

  private final ClusterViewModel model;
  private final Messages messages;
  private final BorderPane root = new BorderPane();

  public ClusterView(ClusterViewModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
    root.getStyleClass().add("cluster-view");
    root.getStylesheets()
        .add(Objects.requireNonNull(getClass().getResource(STYLESHEET)).toExternalForm());
    root.setTop(toolbar());
    SplitPane main =
        new SplitPane(new PodTree(model, messages).node(), new PodCard(model, messages).node());
    main.setDividerPositions(0.64);
    SplitPane vertical = new SplitPane(main, bottom());
    vertical.setOrientation(Orientation.VERTICAL);
    vertical.setDividerPositions(0.78);
    root.setCenter(vertical);
  }

  /** The root node. */
  public Node node() {
    return root;
  }

  private ToolBar toolbar() {
    ComboBox<ContextChoice> contexts = new ComboBox<>(model.contexts());
    contexts.setId("cluster-context");
    contexts.setConverter(converter(c -> c.demo() ? messages.get("cluster.demo") : c.name()));
    contexts.valueProperty().bindBidirectional(model.contextProperty());
    contexts.setOnAction(e -> model.selectContext(contexts.getValue()));
    ComboBox<String> namespaces = new ComboBox<>(model.namespaces());
    namespaces.setId("cluster-namespace");
    namespaces.setEditable(true);
    namespaces.setPromptText(messages.get("cluster.namespace.prompt"));
    namespaces.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(String ns) {
            return ns == null || ns.isEmpty() ? messages.get("cluster.namespace.all") : ns;
          }

          @Override
          public String fromString(String text) {
            return text == null || text.equals(messages.get("cluster.namespace.all"))
                ? ""
                : text.strip();
          }
        });
    namespaces.valueProperty().bindBidirectional(model.namespaceProperty());
    namespaces.setOnAction(e -> model.selectNamespace(namespaces.getValue()));
    Button refresh = new Button(messages.get("cluster.action.refresh"));
    refresh.setId("cluster-refresh");
    refresh.setOnAction(e -> model.refresh());
    Button demo = new Button(messages.get("cluster.action.demo"));
    demo.setId("cluster-demo");
    demo.setOnAction(e -> model.openDemo());
    Button certificates = new Button(messages.get("cluster.action.certificates"));
    certificates.setId("cluster-certificates");
    certificates.disableProperty().bind(model.selectedProperty().isNull().or(model.busyProperty()));
    certificates.setOnAction(e -> model.inspectSelected());
    CustomTextField filter = (CustomTextField) TextFields.createClearableTextField();
    filter.setId("cluster-filter");
    filter.setPromptText(messages.get("cluster.filter.prompt"));
    filter.setPrefColumnCount(28);
    filter.textProperty().bindBidirectional(model.filterTextProperty());
    Label live = new Label(messages.get("cluster.status.live"));
    live.getStyleClass().add("live-indicator");
    live.visibleProperty().bind(model.liveProperty());
    return new ToolBar(contexts, namespaces, refresh, demo, certificates, filter, live);
  }

  private Node bottom() {
    ListView<String> cp = new ListView<>(model.controlPlane());
    cp.setId("cluster-control-plane");
    ListView<String> problems = new ListView<>(model.problems());
    problems.setId("cluster-problems");
    problems.getStyleClass().add("problems");
    TitledPane cpPane = new TitledPane(messages.get("cluster.controlplane"), cp);
    cpPane.setCollapsible(false);
    TitledPane problemPane = new TitledPane(messages.get("cluster.problems"), problems);
    problemPane.setCollapsible(false);
    SplitPane split = new SplitPane(cpPane, problemPane);
    split.setDividerPositions(0.6);
    return split;
  }

  private static <T> StringConverter<T> converter(Function<T, String> text) {
    return new StringConverter<>() {
      @Override
      public String toString(T value) {
        return value == null ? "" : text.apply(value);
      }

      @Override
      public T fromString(String s) {
        return null;
      }
    };
  }
}
