package dev.meshcert.ui.cluster;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.FetchedCertificates;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.ui.common.DialogService;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.TaskHandle;
import dev.meshcert.ui.common.TaskRunner;
import dev.meshcert.ui.common.TaskSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Cluster screen's state and commands: pick a context (or the demo mesh) and a namespace, see
 * every pod with its data plane, evidence and effective mTLS, the control planes and what could not
 * be read; stay up to date through watches. Several contexts stay open at once: switching back to
 * one shows its live state without reading it again. Cluster calls run on the {@link TaskRunner};
 * watch results arrive through {@code fxThread}. A new read cancels the running one and drops its
 * late result. Other screens add entries to the pod context menu with {@link #addWorkloadAction}
 * and follow the selection through {@link #selectedRows()}. Use on the FX thread.
 */
public final class ClusterViewModel implements LiveCluster.Listener {

  /** The namespace choice meaning "all namespaces". */
  public static final String ALL = "";

  private final ClusterService service;
  private final TaskRunner runner;
  private final DialogService dialogs;
  private final Executor fxThread;
  private final Consumer<FetchedCertificates> inspect;
  private final Messages messages;
  private final Clock clock;
  private final ContextLoader loader;

  private final ObservableList<ContextChoice> contexts = FXCollections.observableArrayList();
  private final ObjectProperty<ContextChoice> context = new SimpleObjectProperty<>();
  private final ObservableList<String> namespaces = FXCollections.observableArrayList(ALL);
  private final StringProperty namespace = new SimpleStringProperty(ALL);
  private final ObservableList<WorkloadRow> rows = FXCollections.observableArrayList();
  private final FilteredList<WorkloadRow> visibleRows = new FilteredList<>(rows, r -> true);
  private final StringProperty filterText = new SimpleStringProperty("");
  private final WorkloadMenu menu = new WorkloadMenu();
  private final ObservableList<String> controlPlane = FXCollections.observableArrayList();
  private final ObservableList<String> problems = FXCollections.observableArrayList();
  private final StringProperty status = new SimpleStringProperty("");
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final BooleanProperty busy = new SimpleBooleanProperty(false);
  private final BooleanProperty live = new SimpleBooleanProperty(false);

  private final Map<ContextChoice, LiveCluster> open = new LinkedHashMap<>();
  private final List<String> startNotes = new ArrayList<>();
  private List<String> notes = List.of();
  private LiveCluster active;
  private ContextChoice requested;
  private int generation;
  private TaskHandle task = TaskHandle.done();
  private Cancellation cancellation = new Cancellation();

  /**
   * How long after a context's rows are shown its watches start (see {@code LiveCluster.start}):
   * long enough for the first layout and paint of the rows, short against any change a person would
   * wait for.
   */
  public static final Duration WATCH_START_DELAY = Duration.ofMillis(500);

  private Duration watchDelay = WATCH_START_DELAY;

  /** Starts watches {@code delay} after the rows are shown instead (tests: {@code ZERO}). */
  public void watchDelay(Duration delay) {
    this.watchDelay = delay;
  }

  private Executor painter = LiveCluster.PAINTER;

  /**
   * Makes the pictures of live changes on {@code executor} instead of the shared painter thread
   * (tests: {@code Runnable::run}, so that a change is on screen when the watch event returns).
   */
  public void paintOn(Executor executor) {
    this.painter = executor;
  }

  /**
   * @param service contexts, connections and scans
   * @param runner runs cluster calls off the FX thread
   * @param dialogs shows problems
   * @param fxThread runs watch results on the FX thread ({@code Platform::runLater})
   * @param inspect receives certificates read from a pod (the Inspect screen opens them)
   * @param messages this screen's texts
   * @param clock stamps live updates
   */
  public ClusterViewModel(
      ClusterService service,
      TaskRunner runner,
      DialogService dialogs,
      Executor fxThread,
      Consumer<FetchedCertificates> inspect,
      Messages messages,
      Clock clock) {
    this.service = service;
    this.runner = runner;
    this.dialogs = dialogs;
    this.fxThread = fxThread;
    this.inspect = inspect;
    this.messages = messages;
    this.clock = clock;
    this.loader = new ContextLoader(service, messages);
    filterText.addListener(
        (o, a, b) -> {
          String f = b == null ? "" : b.strip().toLowerCase(Locale.ROOT);
          visibleRows.setPredicate(r -> r.matches(f));
        });
    menu.add(
        new WorkloadAction(
            messages.get("cluster.action.certificates"),
            s -> s.isSingle() && !s.first().dataPlane().certSources().isEmpty(),
            s -> inspectSelected()));
  }

  public ObservableList<ContextChoice> contexts() {
    return contexts;
  }

  /** The context shown (or being read). */
  public ObjectProperty<ContextChoice> contextProperty() {
    return context;
  }

  /** Namespace choices; {@link #ALL} first. */
  public ObservableList<String> namespaces() {
    return namespaces;
  }

  public StringProperty namespaceProperty() {
    return namespace;
  }

  /** The rows the filter lets through. */
  public ObservableList<WorkloadRow> visibleRows() {
    return visibleRows;
  }

  /** Every row. */
  public ObservableList<WorkloadRow> rows() {
    return rows;
  }

  public StringProperty filterTextProperty() {
    return filterText;
  }

  /** The focused pod, whose details are shown. */
  public ObjectProperty<WorkloadRow> selectedProperty() {
    return menu.focused();
  }

  /**
   * Every selected pod (the tree allows several), in tree order; the view sets it, other screens
   * listen to it. Kept across live updates by pod reference.
   */
  public ObservableList<WorkloadRow> selectedRows() {
    return menu.selected();
  }

  /** The context-menu entries for selected pods, in menu order; the first reads certificates. */
  public ObservableList<WorkloadAction> workloadActions() {
    return menu.actions();
  }

  /** Adds an entry to the pod context menu (composition root: probe, trust view, pull...). */
  public void addWorkloadAction(WorkloadAction action) {
    menu.add(action);
  }

  /** The selected pods with their cluster, empty when nothing is selected or shown. */
  public Optional<WorkloadSelection> selection() {
    return active == null
        ? Optional.empty()
        : menu.selection(active.connection(), active.snapshot());
  }

  /** Whether {@code action} can run on the current selection. */
  public boolean canRun(WorkloadAction action) {
    return selection().map(action.enabledWhen()::test).orElse(false);
  }

  /** Runs {@code action} on the current selection, if it may run. */
  public void run(WorkloadAction action) {
    selection().filter(action.enabledWhen()).ifPresent(action.handler());
  }

  public ObservableList<String> controlPlane() {
    return controlPlane;
  }

  public ObservableList<String> problems() {
    return problems;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status;
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy;
  }

  /** Whether watches keep the view up to date. */
  public ReadOnlyBooleanProperty liveProperty() {
    return live;
  }

  /** The snapshot shown, when one was read. */
  public Optional<MeshSnapshot> snapshot() {
    return Optional.ofNullable(active).map(LiveCluster::snapshot);
  }

  /** The connection of the cluster shown, when one is open (the demo mesh is one too). */
  public Optional<ClusterConnection> connection() {
    return Optional.ofNullable(active).map(LiveCluster::connection);
  }

  /** The contexts with a live view open, in the order they were opened. */
  public List<ContextChoice> openContexts() {
    return List.copyOf(open.keySet());
  }

  /**
   * Lists the contexts and opens the demo mesh when asked for, else the current context; when that
   * cannot be reached, or there is none, the demo mesh stands in and the problems say why. The
   * kubeconfig is read on the task runner; a context or the demo chosen meanwhile wins.
   */
  public void start(boolean demoRequested) {
    int gen = generation;
    busy.set(true);
    progress.set(-1);
    runner.run(
        TaskSpec.of("read kubeconfig", p -> loader.kubeconfig())
            .onSuccess(k -> started(gen, k, demoRequested))
            .onFailure(this::fail));
  }

  private void started(int gen, ContextLoader.Kubeconfig k, boolean demoRequested) {
    List<ContextChoice> choices = new ArrayList<>();
    k.contexts().forEach(c -> choices.add(ContextChoice.context(c)));
    choices.add(ContextChoice.demoMesh());
    contexts.setAll(choices);
    if (gen != generation) {
      return;
    }
    busy.set(false);
    progress.set(0);
    startNotes.addAll(k.problems());
    if (demoRequested || k.current().isEmpty()) {
      if (!demoRequested) {
        startNotes.add(0, messages.get("cluster.status.nocontexts"));
      }
      load(ContextChoice.demoMesh(), ALL, false);
    } else {
      load(ContextChoice.context(k.current().get()), ALL, true);
    }
  }

  /** Shows {@code choice}: at once when it is open, else reads all its namespaces. */
  public void selectContext(ContextChoice choice) {
    if (choice == null || (busy.get() && choice.equals(requested))) {
      return;
    }
    LiveCluster known = open.get(choice);
    if (known != null) {
      if (known != active) {
        cancelRead();
        activate(known, List.of());
      }
      return;
    }
    load(choice, ALL, false);
  }

  /** Shows namespace {@code ns} ({@link #ALL} for every namespace), typed or picked. */
  public void selectNamespace(String ns) {
    ContextChoice c = context.get();
    String wanted = ns == null ? ALL : ns.strip();
    if (c != null
        && !busy.get()
        && !(active != null
            && active.choice().equals(c)
            && active.scope().namespace().orElse(ALL).equals(wanted))) {
      load(c, wanted, false);
    }
  }

  /** Reads the current context and namespace again. */
  public void refresh() {
    ContextChoice c = active == null ? context.get() : active.choice();
    if (c != null) {
      load(c, active == null ? namespace.get() : active.scope().namespace().orElse(ALL), false);
    }
  }

  /** Opens the built-in demo mesh. */
  public void openDemo() {
    selectContext(ContextChoice.demoMesh());
  }

  /** Stops the live view of the shown context and shows another open one, if any. */
  public void closeContext() {
    if (active == null) {
      return;
    }
    LiveCluster closing = active;
    open.remove(closing.choice());
    closing.close();
    service.disconnect(closing.choice());
    active = null;
    open.values().stream()
        .reduce((a, b) -> b)
        .ifPresentOrElse(l -> activate(l, List.of()), this::clear);
  }

  /** Reads the selected pod's certificates and hands them to the Inspect screen. */
  public void inspectSelected() {
    WorkloadRow row = menu.focused().get();
    if (row == null || active == null || row.certSources().isEmpty()) {
      status.set(messages.get("cluster.status.noCertificates"));
      return;
    }
    ClusterConnection c = active.connection();
    Cancellation cancel = cancellation;
    String ref = row.ref();
    status.set(messages.get("cluster.status.fetching", ref));
    runner.run(
        TaskSpec.<FetchedCertificates>of(
                "read certificates of " + ref,
                p -> c.certificates(row.pod(), row.certSources().get(0), cancel))
            .onSuccess(
                f -> {
                  inspect.accept(f);
                  status.set(messages.get("cluster.status.fetched", ref));
                })
            .onFailure(this::fail));
  }

  /** Stops running work and every watch. */
  public void close() {
    cancelRead();
    open.values().forEach(LiveCluster::close);
    open.clear();
    active = null;
    live.set(false);
  }

  private void load(ContextChoice choice, String ns, boolean demoIfUnreachable) {
    cancelRead();
    int gen = generation;
    requested = choice;
    busy.set(true);
    progress.set(-1);
    context.set(choice);
    namespace.set(ns);
    Cancellation cancel = cancellation;
    status.set(messages.get("cluster.status.scanning", choice.name()));
    task =
        runner.run(
            TaskSpec.<ContextLoader.Loaded>of(
                    "read " + choice.name(), p -> loader.load(choice, ns, cancel))
                .onSuccess(loaded -> loaded(gen, choice, loaded))
                .onFailure(e -> failed(gen, choice, e, demoIfUnreachable)));
  }

  private void loaded(int gen, ContextChoice choice, ContextLoader.Loaded loaded) {
    if (gen != generation) {
      return;
    }
    busy.set(false);
    progress.set(0);
    LiveCluster previous = open.remove(choice);
    if (previous != null) {
      previous.close();
    }
    LiveCluster next =
        new LiveCluster(
            choice,
            loaded.connection(),
            loaded.scope(),
            loaded.picture(),
            clock,
            fxThread,
            painter,
            messages);
    open.put(choice, next);
    List<String> notes = new ArrayList<>(startNotes);
    startNotes.clear();
    notes.addAll(loaded.notes());
    activate(next, notes);
    next.start(this, watchDelay);
  }

  private void failed(int gen, ContextChoice choice, Throwable e, boolean demoIfUnreachable) {
    if (gen != generation
        || (e instanceof KubeException k && k.failure() instanceof KubeFailure.Cancelled)) {
      return;
    }
    busy.set(false);
    progress.set(0);
    if (demoIfUnreachable && ContextLoader.unreachable(e)) {
      startNotes.add(
          messages.get(
              "cluster.status.unreachableDemo",
              choice.name(),
              ((KubeException) e).failure().title()));
      load(ContextChoice.demoMesh(), ALL, false);
      return;
    }
    context.set(active == null ? null : active.choice());
    namespace.set(active == null ? ALL : active.scope().namespace().orElse(ALL));
    fail(e);
  }

  private void activate(LiveCluster l, List<String> readNotes) {
    active = l;
    ClusterPicture p = l.picture();
    MeshSnapshot s = p.snapshot();
    context.set(l.choice());
    namespace.set(l.scope().namespace().orElse(ALL));
    List<String> names = new ArrayList<>();
    names.add(ALL);
    s.namespaces().forEach(n -> names.add(n.name()));
    namespaces.setAll(names);
    controlPlane.setAll(ControlPlaneLines.of(s.controlPlane(), messages));
    notes = List.copyOf(readNotes);
    live.set(true);
    show(p);
  }

  @Override
  public void changed(LiveCluster source, ClusterPicture picture) {
    if (source == active) {
      show(picture);
    }
  }

  @Override
  public void interrupted(LiveCluster source, KubeFailure failure, Duration retryIn) {
    if (source == active) {
      status.set(messages.get("cluster.status.interrupted", failure.title(), retryIn.toSeconds()));
    }
  }

  private void show(ClusterPicture next) {
    // The live watch's first sync hands over the pods just shown: rebuilding a thousand rows for
    // nothing would hold the FX thread.
    if (!next.sameRows(rows)) {
      rows.setAll(next.rows());
      menu.follow(next.rows());
    }
    List<String> all = new ArrayList<>(notes);
    all.addAll(next.problems());
    problems.setAll(all);
    status.set(next.status());
  }

  private void clear() {
    rows.clear();
    menu.clear();
    controlPlane.clear();
    problems.clear();
    namespaces.setAll(ALL);
    context.set(null);
    live.set(false);
    status.set("");
  }

  private void fail(Throwable e) {
    status.set(
        e instanceof KubeException k ? k.failure().title() : messages.get("cluster.problem.title"));
    dialogs.showProblem(ClusterProblems.of(e, messages));
  }

  private void cancelRead() {
    generation++;
    task.cancel();
    cancellation.cancel();
    cancellation = new Cancellation();
    busy.set(false);
    progress.set(0);
  }
}
