package dev.meshcert.ui.cluster;

import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.Screen;
import dev.meshcert.ui.common.report.Evidence;
import java.util.List;
import java.util.Optional;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;

/** The Cluster tab. */
public final class ClusterScreen implements Screen {

  private final ClusterViewModel model;
  private final ClusterView view;
  private final Messages messages;
  private final boolean demoFirst;
  private boolean started;

  /**
   * @param demoFirst open the demo mesh rather than the current context ({@code --demo})
   */
  public ClusterScreen(
      ClusterViewModel model, ClusterView view, Messages messages, boolean demoFirst) {
    this.model = model;
    this.view = view;
    this.messages = messages;
    this.demoFirst = demoFirst;
  }

  /** The texts of this screen, from its own bundle. */
  public static Messages messages(java.util.Locale locale) {
    return new Messages(
        java.util.ResourceBundle.getBundle("dev.meshcert.ui.cluster.cluster", locale));
  }

  @Override
  public String title() {
    return messages.get("screen.cluster");
  }

  @Override
  public Ikon icon() {
    return MaterialDesignK.KUBERNETES;
  }

  @Override
  public Node view() {
    if (!started) {
      started = true;
      model.start(demoFirst);
    }
    return view.node();
  }

  @Override
  public ObservableStringValue status() {
    return model.statusProperty();
  }

  @Override
  public ObservableDoubleValue progress() {
    return model.progressProperty();
  }

  @Override
  public List<MenuItem> viewMenuItems() {
    MenuItem refresh = new MenuItem(messages.get("cluster.action.refresh"));
    refresh.setAccelerator(KeyCombination.keyCombination("Shortcut+R"));
    refresh.setOnAction(e -> model.refresh());
    MenuItem demo = new MenuItem(messages.get("cluster.action.demo"));
    demo.setOnAction(e -> model.openDemo());
    MenuItem close = new MenuItem(messages.get("cluster.action.close"));
    close.setOnAction(e -> model.closeContext());
    return List.of(refresh, demo, close);
  }

  /** The selected pod's card: data plane, effective mTLS per port and the deciding policy. */
  @Override
  public Optional<Evidence> evidence() {
    WorkloadRow row = model.selectedProperty().get();
    return row == null
        ? Optional.empty()
        : model.snapshot().map(s -> new ClusterEvidence(messages).card(s, row.status()));
  }

  /** The view model, for the composition root to register workload actions. */
  public ClusterViewModel model() {
    return model;
  }

  @Override
  public void close() {
    model.close();
  }
}
