package dev.meshcert.ui.mesh;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.cert.Pem;
import dev.meshcert.core.chain.SignatureVerifier;
import dev.meshcert.core.expiry.ExpiryPolicy;
import dev.meshcert.mesh.trust.Comparison;
import dev.meshcert.mesh.trust.WorkloadComparison;
import dev.meshcert.mesh.trust.WorkloadTrust;
import dev.meshcert.ui.common.DialogService;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.Problem;
import dev.meshcert.ui.common.TaskHandle;
import dev.meshcert.ui.common.TaskRunner;
import dev.meshcert.ui.common.TaskSpec;
import dev.meshcert.ui.common.Work;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Mesh screen's state and commands: what is loaded, the trust tree built from it (grouped by
 * root or bundle, filtered), the workloads selected for comparison, and the timeline. Loading and
 * analysing run on the {@link TaskRunner}; results of superseded runs are dropped. Use on the FX
 * thread.
 */
public final class MeshViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(MeshViewModel.class);

  private final DumpFiles files;
  private final TaskRunner runner;
  private final DialogService dialogs;
  private final CertificateOpener opener;
  private final SignatureVerifier verifier;
  private final ExpiryPolicy policy;
  private final Messages messages;
  private final TrustRows trustRows;
  private final TimelineViewModel timeline;
  private TaskHandle running = TaskHandle.done();
  private Optional<Runnable> stop = Optional.empty();
  private boolean stopping;
  private long generation;

  private final ReadOnlyObjectWrapper<MeshAnalysis> analysis;
  private final ReadOnlyObjectWrapper<List<TrustRow>> rows = new ReadOnlyObjectWrapper<>(List.of());
  private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(Grouping.ROOT);
  private final BooleanProperty stragglersOnly = new SimpleBooleanProperty(false);
  private final StringProperty filterText = new SimpleStringProperty("");
  private final ObjectProperty<List<WorkloadTrust>> selection =
      new SimpleObjectProperty<>(List.of());
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

  public MeshViewModel(
      DumpFiles files,
      TaskRunner runner,
      DialogService dialogs,
      CertificateOpener opener,
      SignatureVerifier verifier,
      ExpiryPolicy policy,
      Messages messages,
      Clock clock) {
    this.files = files;
    this.runner = runner;
    this.dialogs = dialogs;
    this.opener = opener;
    this.verifier = verifier;
    this.policy = policy;
    this.messages = messages;
    this.trustRows = new TrustRows(messages);
    this.timeline = new TimelineViewModel(opener, messages);
    this.analysis =
        new ReadOnlyObjectWrapper<>(MeshAnalysis.empty(MeshData.empty(clock.instant())));
    grouping.addListener((o, a, b) -> rebuildRows());
    stragglersOnly.addListener((o, a, b) -> rebuildRows());
    filterText.addListener((o, a, b) -> rebuildRows());
    status.set(messages.get("mesh.status.empty"));
  }

  // ---- properties ----

  /** What is shown: the data, its trust view and its timeline. */
  public ReadOnlyObjectProperty<MeshAnalysis> analysisProperty() {
    return analysis.getReadOnlyProperty();
  }

  /** The trust tree's groups, each with its workloads. */
  public ReadOnlyObjectProperty<List<TrustRow>> rowsProperty() {
    return rows.getReadOnlyProperty();
  }

  /** Group by root or by bundle. */
  public ObjectProperty<Grouping> groupingProperty() {
    return grouping;
  }

  /** Show only the workloads that stand out. */
  public BooleanProperty stragglersOnlyProperty() {
    return stragglersOnly;
  }

  /** Filter text for the trust tree and the timeline. */
  public StringProperty filterTextProperty() {
    return filterText;
  }

  /** The workloads selected in the trust tree; the view sets it. */
  public ObjectProperty<List<WorkloadTrust>> selectionProperty() {
    return selection;
  }

  /** The status line. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** 0 when idle, -1 while busy for an unknown time, else the share done. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** Whether something is being read or analysed. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** The timeline's state and commands. */
  public TimelineViewModel timeline() {
    return timeline;
  }

  // ---- commands ----

  /** Asks for files ("Open dumps…") and shows them, sorted by content as dropped files are. */
  public void openFiles() {
    List<Path> chosen = dialogs.chooseFiles();
    if (!chosen.isEmpty()) {
      addPaths(chosen);
    }
  }

  /**
   * Reads files in the background and shows them: snapshots, bug-report archives, config_dump,
   * ztunnel dump and PEM files, each by its content ({@link DumpFiles}).
   */
  public void addPaths(List<Path> paths) {
    if (!paths.isEmpty()) {
      start(messages.get("mesh.task.read", paths.size()), p -> analyse(files.read(paths, p)));
    }
  }

  /** Shows {@code data} (from a scan or a snapshot) once analysed in the background. */
  public void show(MeshData data) {
    start(messages.get("mesh.task.analyse", data.origin()), p -> analyse(data));
  }

  /**
   * Starts background work producing an analysis, replacing (and cancelling) what runs.
   *
   * @param title for the status line
   * @param work the work; it runs off the FX thread
   */
  public void start(String title, Work<MeshAnalysis> work) {
    start(title, work, null);
  }

  /**
   * Starts background work that cancel asks to stop early rather than drops: {@code stop} makes the
   * work return what it has so far (a scan's partial result), which is then shown.
   */
  public void start(String title, Work<MeshAnalysis> work, Runnable stop) {
    running.cancel();
    this.stop.ifPresent(Runnable::run);
    this.stop = Optional.ofNullable(stop);
    this.stopping = false;
    long mine = ++generation;
    busy.set(true);
    progress.set(-1);
    status.set(title);
    running =
        runner.run(
            TaskSpec.of(title, work)
                .onSuccess(a -> finished(mine, a))
                .onFailure(e -> failed(mine, title, e))
                .onProgress(
                    (f, m) -> {
                      if (mine == generation) {
                        progress.set(f);
                        status.set(m.isEmpty() ? title : title + ": " + m);
                      }
                    }));
  }

  /** Analyses {@code data}; for work run off the FX thread. */
  public MeshAnalysis analyse(MeshData data) {
    return MeshAnalysis.of(data, verifier, policy);
  }

  /**
   * Stops what runs: a scan returns its partial result, which is shown; other work is dropped and
   * the views keep what they showed.
   */
  public void cancel() {
    Optional<Runnable> s = stop;
    stop = Optional.empty();
    if (s.isPresent() && busy.get()) {
      stopping = true;
      s.get().run();
      status.set(messages.get("mesh.status.stopping"));
      return;
    }
    running.cancel();
    generation++;
    idle(messages.get("mesh.status.cancelled"));
  }

  /** Shows nothing. */
  public void clear() {
    cancel();
    apply(MeshAnalysis.empty(MeshData.empty(analysis.get().data().takenAt())));
    status.set(messages.get("mesh.status.empty"));
  }

  /** Cancels background work. */
  public void close() {
    stop.ifPresent(Runnable::run);
    running.cancel();
    generation++;
  }

  /** The two selected workloads compared, when exactly two are selected. */
  public Optional<Comparison> compareSelected() {
    List<WorkloadTrust> s = selection.get();
    if (s.size() != 2) {
      status.set(messages.get("mesh.status.selectTwo"));
      return Optional.empty();
    }
    return Optional.of(WorkloadComparison.compare(s.get(0), s.get(1)));
  }

  /** Puts {@code message} on the status line. */
  public void tell(String message) {
    status.set(message);
  }

  /** Opens a workload's chain and bundle in the Inspect screen. */
  public void openWorkload(WorkloadTrust w) {
    LinkedHashSet<CertificateFacts> certs = new LinkedHashSet<>(w.workload().chain());
    certs.addAll(w.workload().bundle());
    StringBuilder pem = new StringBuilder();
    certs.forEach(c -> pem.append(Pem.encode(c.der())));
    opener.open(messages.get("mesh.open.name", w.name()), pem.toString());
  }

  // ---- internals ----

  private void finished(long mine, MeshAnalysis result) {
    if (mine != generation) {
      return;
    }
    stop = Optional.empty();
    apply(result);
    MeshData d = result.data();
    idle(
        messages.get(
            "mesh.status.loaded",
            d.origin(),
            d.workloads().size(),
            result.trust().stragglers().size(),
            result.timeline().bars().size(),
            d.failures().size()));
  }

  private void failed(long mine, String title, Throwable e) {
    if (mine != generation) {
      return;
    }
    stop = Optional.empty();
    if (stopping || e instanceof CancellationException) {
      idle(messages.get("mesh.status.cancelled"));
      return;
    }
    LOG.warn("{} failed", title, e);
    idle(messages.get("mesh.status.failed", title));
    dialogs.showProblem(
        new Problem(
                messages.get("mesh.problem.title"),
                messages.get("mesh.problem.what", title, String.valueOf(e.getMessage())),
                List.of(messages.get("mesh.problem.cause1")),
                List.of(messages.get("mesh.problem.try1")),
                Optional.empty())
            .withDetail(e));
  }

  private void apply(MeshAnalysis result) {
    analysis.set(result);
    selection.set(List.of());
    rebuildRows();
    timeline.set(result.timeline());
  }

  private void idle(String message) {
    busy.set(false);
    progress.set(0);
    status.set(message);
  }

  private void rebuildRows() {
    rows.set(
        new ArrayList<>(
            trustRows.build(
                analysis.get().trust(), grouping.get(), stragglersOnly.get(), filterText.get())));
    timeline.textProperty().set(filterText.get());
  }
}
