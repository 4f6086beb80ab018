package dev.meshcert.ui.inspect;

import dev.meshcert.core.analysis.Analysis;
import dev.meshcert.core.analysis.CertificateReport;
import dev.meshcert.core.analysis.InspectionInput;
import dev.meshcert.core.read.Source;
import dev.meshcert.ui.common.ClipboardService;
import dev.meshcert.ui.common.DialogService;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.TaskHandle;
import dev.meshcert.ui.common.TaskRunner;
import dev.meshcert.ui.common.TaskSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Inspect screen's state and commands: the inputs loaded, the tree built from their analysis,
 * the filter, the selection and its details. Everything loaded is inspected together, so chains
 * span files; each change re-inspects in the background and results of superseded runs are dropped.
 * Use on the FX thread.
 */
public final class InspectViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(InspectViewModel.class);

  private final InspectionService inspection;
  private final InputLoader loader;
  private final TaskRunner runner;
  private final DialogService dialogs;
  private final ClipboardService clipboard;
  private final Messages messages;
  private final TreeBuilder treeBuilder;
  private final DetailsBuilder detailsBuilder;
  private final CertificateTextRenderer textRenderer;

  private final StatusLine statusLine;
  private final RememberedPasswords passwords;
  private final LoadedSources sources = new LoadedSources();
  private final Set<TaskHandle> loads = new HashSet<>();
  private Analysis analysis =
      new Analysis(Instant.EPOCH, List.of(), List.of(), List.of(), List.of());
  private List<InspectNode> fullTree = List.of();
  private PreparedTree prepared =
      new PreparedTree(analysis, List.of(), "", List.of(), Optional.empty(), Details.NONE);
  private long generation;
  private TaskHandle inspecting = TaskHandle.done();
  private String busyMessage = "";

  private final ReadOnlyObjectWrapper<List<InspectNode>> tree =
      new ReadOnlyObjectWrapper<>(List.of());
  private final StringProperty filterText = new SimpleStringProperty("");
  private final ObjectProperty<InspectNode> selected = new SimpleObjectProperty<>();
  private final ReadOnlyObjectWrapper<Details> details = new ReadOnlyObjectWrapper<>(Details.NONE);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(true);

  public InspectViewModel(
      InspectionService inspection,
      InputLoader loader,
      TaskRunner runner,
      DialogService dialogs,
      ClipboardService clipboard,
      CertificateTextRenderer textRenderer,
      Messages messages) {
    this.inspection = inspection;
    this.loader = loader;
    this.runner = runner;
    this.dialogs = dialogs;
    this.clipboard = clipboard;
    this.textRenderer = textRenderer;
    this.messages = messages;
    this.treeBuilder = new TreeBuilder(messages);
    this.detailsBuilder = new DetailsBuilder(messages, textRenderer);
    this.statusLine = new StatusLine(messages);
    this.passwords = new RememberedPasswords(dialogs);
    filterText.addListener((o, a, b) -> applyFilter());
    selected.addListener((o, a, b) -> showDetails());
    updateStatus();
  }

  /** The tree after filtering: one root per source, in the order added. */
  public ReadOnlyObjectProperty<List<InspectNode>> treeProperty() {
    return tree.getReadOnlyProperty();
  }

  /** The filter text; empty shows everything. */
  public StringProperty filterTextProperty() {
    return filterText;
  }

  /** The selected node, or null; the view sets it. */
  public ObjectProperty<InspectNode> selectedProperty() {
    return selected;
  }

  /** What the details pane shows. */
  public ReadOnlyObjectProperty<Details> detailsProperty() {
    return details.getReadOnlyProperty();
  }

  /** The status line. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** 0 when idle, -1 while busy for an unknown time, else the share done. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** Whether files are being read or inspected. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** Whether no source is loaded. */
  public ReadOnlyBooleanProperty emptyProperty() {
    return empty.getReadOnlyProperty();
  }

  /** The current analysis (empty before anything was inspected). */
  public Analysis analysis() {
    return analysis;
  }

  /** Names of the loaded sources, in order. */
  public List<String> sourceNames() {
    return sources.names();
  }

  // ---- commands: adding and removing sources ----

  /** Reads files and folders in the background, then inspects everything loaded. */
  public void addPaths(List<Path> paths) {
    if (paths.isEmpty()) {
      return;
    }
    paths.forEach(p -> passwords.forget(p.toAbsolutePath().normalize().toString()));
    TaskHandle[] handle = new TaskHandle[1];
    handle[0] =
        runner.run(
            TaskSpec.of(
                    messages.get("status.reading.files", paths.size()), p -> loader.load(paths, p))
                .onProgress(this::showProgress)
                .onSuccess(
                    result -> {
                      loads.remove(handle[0]);
                      take(result);
                    })
                .onFailure(
                    e -> {
                      loads.remove(handle[0]);
                      updateBusy();
                      LOG.warn("reading {} failed", paths, e);
                      dialogs.showProblem(Problems.readFailed(messages, e));
                    }));
    if (!handle[0].isDone()) {
      loads.add(handle[0]);
    }
    updateBusy();
  }

  /** Opens files chosen in a dialog. */
  public void openFiles() {
    addPaths(dialogs.chooseFiles());
  }

  /** Opens a folder chosen in a dialog. */
  public void openFolder() {
    dialogs.chooseFolder().ifPresent(f -> addPaths(List.of(f)));
  }

  /**
   * Adds text (pasted or dropped PEM) as a source.
   *
   * @param baseName the name to give it, made unique ("clipboard", "clipboard (2)")
   */
  public void addText(String baseName, String text) {
    String name = sources.uniqueName(baseName);
    sources.add(new InspectionInput(name, text.getBytes(StandardCharsets.UTF_8)));
    reinspect();
  }

  /** Adds the clipboard: its files if it holds files, else its text. */
  public void paste() {
    List<Path> files = clipboard.files();
    if (!files.isEmpty()) {
      addPaths(files);
      return;
    }
    Optional<String> text = clipboard.text().filter(t -> !t.isBlank());
    if (text.isPresent()) {
      addText(messages.get("source.clipboard"), text.get());
    } else {
      status.set(messages.get("status.clipboardEmpty"));
    }
  }

  /** Removes a source and re-inspects the rest. */
  public void removeSource(String name) {
    if (!sources.remove(name)) {
      return;
    }
    passwords.forget(name);
    rebuild();
    reinspect();
  }

  /** Removes the source the selected node belongs to. */
  public void removeSelectedSource() {
    sourceOfSelection().ifPresent(this::removeSource);
  }

  /** Removes every source. */
  public void clear() {
    sources.clear();
    passwords.clear();
    rebuild();
    reinspect();
  }

  /** Cancels all background work; results still on their way are dropped. */
  public void close() {
    generation++;
    inspecting.cancel();
    List.copyOf(loads).forEach(TaskHandle::cancel);
    loads.clear();
    updateBusy();
  }

  // ---- commands: copying ----

  /** Copies the selected node's value: a group's fields, a certificate's summary, a name. */
  public void copySelectedValue() {
    Optional.ofNullable(selected.get())
        .ifPresent(
            n ->
                copy(
                    Copying.value(n, detailsBuilder.details(n, analysis), messages),
                    messages.get("status.copied.value")));
  }

  /** Copies the PEM of the selected certificate, chain or source. */
  public void copySelectedPem() {
    List<CertificateReport> certs = selectedCertificates();
    if (!certs.isEmpty()) {
      copy(Copying.pem(certs), messages.get("status.copied.pem", certs.size()));
    }
  }

  /** Copies the text view of the selected certificate, chain or source. */
  public void copySelectedText() {
    List<CertificateReport> certs = selectedCertificates();
    if (!certs.isEmpty()) {
      copy(Copying.text(certs, textRenderer), messages.get("status.copied.text", certs.size()));
    }
  }

  /** Copies one value shown in the details pane. */
  public void copyValue(String value) {
    copy(value, messages.get("status.copied.value"));
  }

  // ---- trust ----

  /**
   * Whether the selection is trusted: the selected source is marked trusted, or the selected
   * certificate is a trust anchor one by one.
   */
  public boolean isSelectionTrusted() {
    InspectNode node = selected.get();
    if (node == null) {
      return false;
    }
    if (node.data() instanceof InspectNode.SourceData s) {
      return sources.isSourceTrusted(s.source().name());
    }
    if (node.data() instanceof InspectNode.CertificateData c) {
      return sources.isCertificateTrusted(c.report().certificate().sha256());
    }
    return false;
  }

  /** Whether the selection can be trusted: a source that was read, or one certificate. */
  public boolean canTrustSelection() {
    InspectNode node = selected.get();
    return node != null
        && (node.data() instanceof InspectNode.CertificateData
            || (node.data() instanceof InspectNode.SourceData s
                && sources.inputs().stream().anyMatch(i -> i.name().equals(s.source().name()))));
  }

  /**
   * Marks the selected source (a root bundle) or certificate as a trust anchor, or removes the mark
   * when it has one, and verifies every chain again. The certificates of a trusted source stay in
   * the tree; chains that reach one of them are shown as trusted.
   */
  public void toggleTrustOfSelection() {
    InspectNode node = selected.get();
    if (node == null || !canTrustSelection()) {
      return;
    }
    boolean trust = !isSelectionTrusted();
    boolean changed = false;
    String what = "";
    if (node.data() instanceof InspectNode.SourceData s) {
      changed = sources.trustSource(s.source().name(), trust);
      what = s.source().name();
    } else if (node.data() instanceof InspectNode.CertificateData c) {
      var cert = c.report().certificate();
      changed = sources.trustCertificate(cert.sha256(), cert.der(), trust);
      what = cert.displayName();
    }
    if (changed) {
      busyMessage = messages.get(trust ? "status.trusted" : "status.untrusted", what);
      status.set(busyMessage);
      reinspect();
    }
  }

  /** The certificates the selected node stands for: one, a chain's, or a source's. */
  public List<CertificateReport> selectedCertificates() {
    return Optional.ofNullable(selected.get())
        .map(n -> Copying.certificates(n, analysis))
        .orElse(List.of());
  }

  private void copy(String text, String message) {
    clipboard.putText(text);
    status.set(message);
  }

  // ---- internals ----

  private void take(LoadResult result) {
    sources.take(result);
    rebuild();
    reinspect();
  }

  private void reinspect() {
    long run = ++generation;
    inspecting.cancel();
    List<InspectionInput> snapshot = sources.inputs();
    List<InspectionInput> anchors = sources.trustAnchors();
    if (snapshot.isEmpty()) {
      analysis = new Analysis(Instant.EPOCH, List.of(), List.of(), List.of(), List.of());
      inspecting = TaskHandle.done();
      rebuild();
      updateBusy();
      return;
    }
    busyMessage = messages.get("status.inspecting", snapshot.size());
    Function<Analysis, List<Source>> shown = sources.shownLater();
    Trust trust = sources.trust();
    String filter = filterText.get();
    String keep = selected.get() == null ? "" : selected.get().key();
    inspecting =
        runner.run(
            TaskSpec.of(
                    busyMessage,
                    p -> {
                      Analysis a = inspection.inspect(snapshot, anchors, passwords);
                      return PreparedTree.of(
                          a, shown.apply(a), trust, filter, keep, treeBuilder, detailsBuilder);
                    })
                .onSuccess(
                    result -> {
                      if (run == generation) {
                        inspecting = TaskHandle.done();
                        show(result);
                        updateBusy();
                      }
                    })
                .onFailure(
                    e -> {
                      if (run == generation) {
                        inspecting = TaskHandle.done();
                        updateBusy();
                        LOG.warn("inspection failed", e);
                        dialogs.showProblem(Problems.inspectFailed(messages, e));
                      }
                    }));
    updateBusy();
  }

  private void rebuild() {
    fullTree = treeBuilder.build(sources.shown(analysis), analysis, sources.trust());
    empty.set(sources.isEmpty());
    applyFilter();
  }

  /** Swaps in a tree prepared off the FX thread. */
  private void show(PreparedTree result) {
    analysis = result.analysis();
    prepared = result;
    fullTree = result.full();
    empty.set(sources.isEmpty());
    if (result.filter().equals(filterText.get())) {
      showFiltered(result.filtered());
    } else {
      applyFilter();
    }
  }

  private void applyFilter() {
    showFiltered(NodeFilter.filter(fullTree, filterText.get()));
  }

  private void showFiltered(List<InspectNode> filtered) {
    InspectNode before = selected.get();
    tree.set(filtered);
    Optional<InspectNode> kept =
        before == null ? Optional.empty() : Copying.find(filtered, before.key());
    selected.set(kept.or(() -> Copying.firstCertificate(filtered)).orElse(null));
    showDetails();
    updateStatus();
  }

  private void showDetails() {
    InspectNode node = selected.get();
    details.set(
        node == null
            ? Details.NONE
            : prepared
                .detailsOf(node, analysis)
                .orElseGet(() -> detailsBuilder.details(node, analysis)));
  }

  private Optional<String> sourceOfSelection() {
    InspectNode node = selected.get();
    if (node == null) {
      return Optional.empty();
    }
    return fullTree.stream()
        .filter(root -> node.isWithin(root))
        .map(root -> ((InspectNode.SourceData) root.data()).source().name())
        .findFirst();
  }

  private void showProgress(double fraction, String message) {
    busyMessage = message;
    progress.set(fraction <= 0 ? -1 : fraction);
    status.set(message);
  }

  private void updateBusy() {
    boolean now = !loads.isEmpty() || !inspecting.isDone();
    busy.set(now);
    progress.set(now ? -1 : 0);
    updateStatus();
  }

  private void updateStatus() {
    status.set(
        busy.get()
            ? busyMessage
            : statusLine.of(
                sources.size(), analysis, !filterText.get().isBlank(), tree.get().size()));
  }
}
