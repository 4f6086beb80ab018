package dev.meshcert.ui.probe;

import dev.meshcert.probe.PortForwardTunnel;
import dev.meshcert.ui.common.ClipboardService;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.TaskHandle;
import dev.meshcert.ui.common.TaskRunner;
import dev.meshcert.ui.common.TaskSpec;
import dev.meshcert.ui.common.report.Evidence;
import dev.meshcert.ui.common.report.EvidenceMarkdown;
import dev.meshcert.ui.common.report.Report;
import dev.meshcert.ui.probe.ProbeRequest.IdentityKind;
import dev.meshcert.ui.probe.ProbeRequest.Route;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The probe panel's state and commands: the form (route, target, source, identity, timeout), the
 * run (off the FX thread through the {@link TaskRunner}, cancellable, stale results dropped), the
 * result matrix, and the selected row's transcript and reproduce command with copy commands.
 */
public final class ProbeViewModel {
  /** The demo workloads the panel starts with, so a fresh machine can probe at once. */
  static final String DEMO_TARGET = "bookinfo/reviews-v1-545db77b95-8jz5b:9080";

  static final String DEMO_SOURCE = "bookinfo/productpage-v1-6b746f74dc-9stvs";

  private final ProbeService service;
  private final TaskRunner runner;
  private final ClipboardService clipboard;
  private final Messages messages;

  private final ObjectProperty<Route> route = new SimpleObjectProperty<>(Route.DEMO);
  private final StringProperty target = new SimpleStringProperty(DEMO_TARGET);
  private final StringProperty serverName = new SimpleStringProperty("");
  private final StringProperty path = new SimpleStringProperty("/headers");
  private final StringProperty expectedSpiffeId = new SimpleStringProperty("");
  private final StringProperty sourcePod = new SimpleStringProperty(DEMO_SOURCE);
  private final StringProperty container = new SimpleStringProperty("istio-proxy");
  private final ObjectProperty<IdentityKind> identity =
      new SimpleObjectProperty<>(IdentityKind.DEMO_WORKLOAD);
  private final StringProperty certFile = new SimpleStringProperty("");
  private final StringProperty keyFile = new SimpleStringProperty("");
  private final StringProperty spiffeId = new SimpleStringProperty("");
  private final StringProperty rootsFile = new SimpleStringProperty("");
  private final IntegerProperty timeoutSeconds = new SimpleIntegerProperty(5);

  private final BooleanProperty running = new SimpleBooleanProperty(false);
  private final StringProperty status = new SimpleStringProperty("");
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final StringProperty verdict = new SimpleStringProperty("");
  private final ObservableList<ResultRow> rows = FXCollections.observableArrayList();
  private final ObjectProperty<ResultRow> selected = new SimpleObjectProperty<>();
  private final StringProperty transcript = new SimpleStringProperty("");
  private final StringProperty reproduce = new SimpleStringProperty("");
  private final StringProperty routeNote = new SimpleStringProperty("");

  private final Clock clock;
  private final ProbeEvidence cards;
  private Optional<Shown> shown = Optional.empty();
  private TaskHandle handle = TaskHandle.done();
  private final AtomicReference<ProbeService.Running> current = new AtomicReference<>();
  private long generation;

  /** A panel whose evidence cards are dated by the system clock. */
  public ProbeViewModel(
      ProbeService service, TaskRunner runner, ClipboardService clipboard, Messages messages) {
    this(service, runner, clipboard, messages, Clock.systemUTC());
  }

  /**
   * @param clock dates the evidence cards of results
   */
  public ProbeViewModel(
      ProbeService service,
      TaskRunner runner,
      ClipboardService clipboard,
      Messages messages,
      Clock clock) {
    this.service = service;
    this.clock = clock;
    this.cards = new ProbeEvidence(messages);
    this.runner = runner;
    this.clipboard = clipboard;
    this.messages = messages;
    selected.addListener(
        (o, was, row) -> {
          transcript.set(row == null ? "" : row.transcript());
          reproduce.set(row == null ? "" : row.reproduce());
        });
    routeNote.bind(
        Bindings.createStringBinding(
            () -> route.get() == Route.PORT_FORWARD ? PortForwardTunnel.CAVEAT : "", route));
  }

  /**
   * Aims the form at {@code pod}'s first application port: on the demo mesh its loopback server, on
   * a live cluster through a port-forward (the panel says what that bypasses).
   */
  public void aimAt(boolean demo, dev.meshcert.mesh.workload.Workload pod) {
    int port =
        pod.declaredPorts().stream().filter(p -> p < 15000 || p > 15099).findFirst().orElse(80);
    route.set(demo ? Route.DEMO : Route.PORT_FORWARD);
    target.set(pod.ref() + ":" + port);
    if (!demo) {
      identity.set(IdentityKind.NONE);
    }
    rows.clear();
    verdict.set("");
    shown = Optional.empty();
  }

  /** Fills the form to probe {@code targetRef:port} of a workload, from {@code sourceRef}. */
  public void prefill(Route newRoute, String newTarget, Optional<String> source) {
    route.set(newRoute);
    target.set(newTarget);
    source.ifPresent(sourcePod::set);
  }

  /** Runs the probe; a run already going is cancelled first. */
  public void run() {
    cancelQuietly();
    ProbeRequest request = request();
    long mine = ++generation;
    rows.clear();
    verdict.set("");
    selected.set(null);
    shown = Optional.empty();
    running.set(true);
    progress.set(-1);
    status.set(messages.get("probe.status.running", request.target()));
    handle =
        runner.run(
            TaskSpec.of(
                    "probe " + request.target(),
                    p -> {
                      ProbeService.Running r = service.start(request);
                      current.set(r);
                      if (p.isCancelled()) {
                        r.cancel();
                      }
                      return r.await();
                    })
                .onSuccess(out -> show(mine, request, out))
                .onFailure(e -> fail(mine, e)));
  }

  /** Stops the probe under way; its results are dropped. */
  public void cancel() {
    if (!running.get()) {
      return;
    }
    cancelQuietly();
    generation++;
    running.set(false);
    progress.set(0);
    status.set(messages.get("probe.status.cancelled"));
  }

  private void cancelQuietly() {
    handle.cancel();
    ProbeService.Running r = current.getAndSet(null);
    if (r != null) {
      r.cancel();
    }
  }

  private void show(long mine, ProbeRequest request, ProbeOutput out) {
    if (mine != generation) {
      return;
    }
    shown = Optional.of(new Shown(request, out, clock.instant()));
    running.set(false);
    progress.set(0);
    out.results().forEach(r -> rows.add(ResultRow.of(r)));
    verdict.set(out.verdict());
    status.set(messages.get("probe.status.done", out.verdict()));
    if (!rows.isEmpty()) {
      selected.set(rows.get(rows.size() - 1));
    }
  }

  private void fail(long mine, Throwable e) {
    if (mine != generation) {
      return;
    }
    running.set(false);
    progress.set(0);
    status.set(messages.get("probe.status.failed", String.valueOf(e.getMessage())));
  }

  /** The form as a request. */
  ProbeRequest request() {
    return new ProbeRequest(
        route.get(),
        target.get().trim(),
        text(serverName),
        path.get().isBlank() ? "/" : path.get().trim(),
        text(expectedSpiffeId),
        text(sourcePod),
        container.get().trim(),
        identity.get(),
        text(certFile),
        text(keyFile),
        text(spiffeId),
        text(rootsFile),
        timeoutSeconds.get());
  }

  private static Optional<String> text(StringProperty p) {
    return Optional.ofNullable(p.get()).map(String::trim).filter(s -> !s.isEmpty());
  }

  /** Copies the selected row's transcript. */
  public void copyTranscript() {
    if (!transcript.get().isEmpty()) {
      clipboard.putText(transcript.get());
    }
  }

  /** Copies the selected row's curl and openssl commands. */
  public void copyReproduce() {
    if (!reproduce.get().isEmpty()) {
      clipboard.putText(reproduce.get());
    }
  }

  /**
   * The evidence card of the selected result: target, route, outcome and what it means, the run's
   * verdict, the peer chain, the commands that repeat it and the start of the transcript.
   * Unredacted; the window redacts it.
   */
  public Optional<Evidence> evidence() {
    ResultRow row = selected.get();
    return shown
        .filter(s -> row != null)
        .map(s -> cards.card(s.request(), row.result(), s.output().verdict(), s.at()));
  }

  /** Every result of the last run as a report, unredacted; empty before a run finishes. */
  public Optional<Report> report() {
    return shown
        .filter(s -> !s.output().results().isEmpty())
        .map(s -> cards.report(s.request(), s.output().results(), s.output().verdict(), s.at()));
  }

  /** Copies the selected result's evidence card as Markdown (the clipboard redacts). */
  public void copyEvidence() {
    evidence().ifPresent(e -> clipboard.putText(EvidenceMarkdown.render(e, 3)));
  }

  /** The run whose results are shown. */
  private record Shown(ProbeRequest request, ProbeOutput output, Instant at) {}

  public ObjectProperty<Route> routeProperty() {
    return route;
  }

  public StringProperty targetProperty() {
    return target;
  }

  public StringProperty serverNameProperty() {
    return serverName;
  }

  public StringProperty pathProperty() {
    return path;
  }

  public StringProperty expectedSpiffeIdProperty() {
    return expectedSpiffeId;
  }

  public StringProperty sourcePodProperty() {
    return sourcePod;
  }

  public StringProperty containerProperty() {
    return container;
  }

  public ObjectProperty<IdentityKind> identityProperty() {
    return identity;
  }

  public StringProperty certFileProperty() {
    return certFile;
  }

  public StringProperty keyFileProperty() {
    return keyFile;
  }

  public StringProperty spiffeIdProperty() {
    return spiffeId;
  }

  public StringProperty rootsFileProperty() {
    return rootsFile;
  }

  public IntegerProperty timeoutSecondsProperty() {
    return timeoutSeconds;
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running;
  }

  public ObservableStringValue statusProperty() {
    return status;
  }

  public DoubleProperty progressProperty() {
    return progress;
  }

  public ObservableStringValue verdictProperty() {
    return verdict;
  }

  public ObservableList<ResultRow> rows() {
    return rows;
  }

  public ObjectProperty<ResultRow> selectedProperty() {
    return selected;
  }

  public ObservableStringValue transcriptProperty() {
    return transcript;
  }

  public ObservableStringValue reproduceProperty() {
    return reproduce;
  }

  public ObservableStringValue routeNoteProperty() {
    return routeNote;
  }
}
