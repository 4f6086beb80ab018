package dev.meshcert.ui.probe;

import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.Screen;
import dev.meshcert.ui.common.report.Evidence;
import dev.meshcert.ui.common.report.Report;
import java.util.Optional;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/** The Probe tab: the walkthrough's three mTLS experiments against a workload or an address. */
public final class ProbeScreen implements Screen {
  private final ProbeViewModel model;
  private final ProbeView view;
  private final Messages messages;

  public ProbeScreen(ProbeViewModel model, ProbeView view, Messages messages) {
    this.model = model;
    this.view = view;
    this.messages = messages;
  }

  /** The panel's texts ({@code dev/meshcert/ui/probe/probe.properties}). */
  public static Messages messages(java.util.Locale locale) {
    return new Messages(java.util.ResourceBundle.getBundle("dev.meshcert.ui.probe.probe", locale));
  }

  /** The panel's view model, for actions that open the panel on a workload. */
  public ProbeViewModel model() {
    return model;
  }

  @Override
  public String title() {
    return messages.get("screen.probe");
  }

  @Override
  public Ikon icon() {
    return MaterialDesignL.LOCK_CHECK_OUTLINE;
  }

  @Override
  public Node view() {
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
  public Optional<Evidence> evidence() {
    return model.evidence();
  }

  @Override
  public Optional<Report> report() {
    return model.report();
  }

  @Override
  public void close() {
    model.cancel();
  }
}
