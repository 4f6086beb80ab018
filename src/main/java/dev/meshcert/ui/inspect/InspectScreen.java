package dev.meshcert.ui.inspect;

import dev.meshcert.ui.common.FileDropTarget;
import dev.meshcert.ui.common.Icons;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.Screen;
import dev.meshcert.ui.common.report.CertificateEvidence;
import dev.meshcert.ui.common.report.Evidence;
import dev.meshcert.ui.common.report.Report;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;

/** The Inspect tab: local files and pasted certificates. */
public final class InspectScreen implements Screen {

  private final InspectViewModel model;
  private final InspectView view;
  private final Messages messages;
  private final FilesDropHandler drop;

  public InspectScreen(InspectViewModel model, InspectView view, Messages messages) {
    this.model = model;
    this.view = view;
    this.messages = messages;
    this.drop = new FilesDropHandler(model, messages);
  }

  @Override
  public String title() {
    return messages.get("screen.inspect");
  }

  @Override
  public Ikon icon() {
    return Icons.INSPECT.ikon();
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
  public List<MenuItem> fileMenuItems() {
    return List.of(
        item("action.open.files", Icons.OPEN_FILE, "Shortcut+O", model::openFiles),
        item("action.open.folder", Icons.OPEN_FOLDER, "Shortcut+Shift+O", model::openFolder),
        new SeparatorMenuItem(),
        item("action.trust", Icons.AUTHORITY, "Shortcut+T", model::toggleTrustOfSelection),
        item("action.remove", Icons.REMOVE, null, model::removeSelectedSource),
        item("action.clear", null, null, model::clear));
  }

  @Override
  public List<MenuItem> editMenuItems() {
    return List.of(
        item("action.copy.value", Icons.COPY, "Shortcut+C", view::copyValue),
        item("action.copy.pem", null, "Shortcut+Shift+C", model::copySelectedPem),
        item("action.copy.text", Icons.TEXT, "Shortcut+Shift+T", model::copySelectedText),
        item("action.paste", Icons.PASTE, "Shortcut+V", view::paste),
        new SeparatorMenuItem(),
        item("action.find", Icons.FILTER, "Shortcut+F", view::focusFilter));
  }

  @Override
  public List<MenuItem> viewMenuItems() {
    return List.of(
        item("action.expand", Icons.EXPAND_ALL, null, view::expandAll),
        item("action.collapse", Icons.COLLAPSE_ALL, null, view::collapseAll));
  }

  @Override
  public Optional<FileDropTarget> dropTarget() {
    return Optional.of(drop);
  }

  @Override
  public void open(List<Path> files) {
    model.addPaths(files);
  }

  @Override
  public java.util.Set<dev.meshcert.ui.common.FileKind> opens() {
    return java.util.Set.of(dev.meshcert.ui.common.FileKind.CERTIFICATES);
  }

  @Override
  public void close() {
    model.close();
  }

  @Override
  public Optional<Evidence> evidence() {
    InspectNode node = model.selectedProperty().get();
    if (node == null || model.analysis() == null) {
      return Optional.empty();
    }
    CertificateEvidence cards = new CertificateEvidence(messages);
    if (node.data() instanceof InspectNode.ChainData c) {
      return Optional.of(cards.chain(model.analysis(), c.chain()));
    }
    return model.selectedCertificates().stream()
        .findFirst()
        .map(r -> cards.certificate(model.analysis(), r));
  }

  @Override
  public Optional<Report> report() {
    if (model.analysis() == null || model.analysis().certificates().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new CertificateEvidence(messages).report(model.analysis(), model.statusProperty().get()));
  }

  /** The view model, for tests and the composition root. */
  public InspectViewModel model() {
    return model;
  }

  private MenuItem item(String key, Icons icon, String accelerator, Runnable action) {
    MenuItem item = new MenuItem(messages.get(key), icon == null ? null : icon.node());
    if (accelerator != null) {
      item.setAccelerator(KeyCombination.keyCombination(accelerator));
    }
    item.setOnAction(e -> action.run());
    return item;
  }
}
