package dev.meshcert.app;

import dev.meshcert.core.analysis.Inspector;
import dev.meshcert.core.cert.CertificateText;
import dev.meshcert.core.read.InputReader;
import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.ClusterConnector;
import dev.meshcert.kube.MeshScanner;
import dev.meshcert.kube.SessionOptions;
import dev.meshcert.kube.demo.DemoCluster;
import dev.meshcert.mesh.MeshReaders;
import dev.meshcert.ui.cluster.ClusterScreen;
import dev.meshcert.ui.cluster.ClusterView;
import dev.meshcert.ui.cluster.ClusterViewModel;
import dev.meshcert.ui.cluster.ConnectorClusterService;
import dev.meshcert.ui.cluster.WorkloadAction;
import dev.meshcert.ui.common.Appearance;
import dev.meshcert.ui.common.ClipboardService;
import dev.meshcert.ui.common.FxClipboard;
import dev.meshcert.ui.common.FxDialogService;
import dev.meshcert.ui.common.FxTaskRunner;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.Preferences;
import dev.meshcert.ui.common.Redactor;
import dev.meshcert.ui.common.Screen;
import dev.meshcert.ui.common.ScreenGuard;
import dev.meshcert.ui.common.Settings;
import dev.meshcert.ui.common.SettingsStore;
import dev.meshcert.ui.inspect.CertificateTextRenderer;
import dev.meshcert.ui.inspect.InputLoader;
import dev.meshcert.ui.inspect.InspectScreen;
import dev.meshcert.ui.inspect.InspectView;
import dev.meshcert.ui.inspect.InspectViewModel;
import dev.meshcert.ui.inspect.InspectionService;
import dev.meshcert.ui.mesh.MeshScreen;
import dev.meshcert.ui.probe.DefaultProbeService;
import dev.meshcert.ui.probe.ProbeScreen;
import dev.meshcert.ui.probe.ProbeView;
import dev.meshcert.ui.probe.ProbeViewModel;
import dev.meshcert.ui.shell.MainWindow;
import dev.meshcert.ui.shell.ShellServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The composition root of the window: builds every service, view model, view and screen by
 * constructor. One per application run; {@link #close()} stops background work. Create and use it
 * on the FX thread.
 */
public final class GuiComposition implements AutoCloseable {

  /**
   * What the launcher read before the window was built.
   *
   * @param store where settings are saved ({@link SettingsStore#inMemory()} in tests)
   * @param settings the settings read at start
   * @param systemDark whether the desktop prefers a dark theme
   * @param versions name to version, for the About dialog
   */
  public record Startup(
      SettingsStore store, Settings settings, boolean systemDark, Map<String, String> versions) {

    /** Defaults, nothing saved: for tests and for runs without a user folder. */
    public static Startup inMemory() {
      return new Startup(SettingsStore.inMemory(), Settings.DEFAULTS, false, VersionInfo.all());
    }
  }

  private final FxTaskRunner runner = new FxTaskRunner(2);
  private final AtomicReference<Window> owner = new AtomicReference<>();
  private final Redactor redactor = new Redactor();
  private final ScreenGuard guard = new ScreenGuard(redactor);
  private final Appearance appearance = new Appearance();
  private final Preferences preferences;
  private final InspectScreen inspect;
  private final ClusterConnector connector;
  private final ClusterScreen cluster;
  private final ProbeScreen probe;
  private final AtomicReference<ClusterConnection> probeCluster = new AtomicReference<>();
  private final AtomicReference<DemoCluster> probeDemo = new AtomicReference<>();
  private DefaultProbeService probeService;
  private final MeshScreen mesh;
  private final MainWindow window;

  /** The window with default settings that are not saved (tests). */
  public GuiComposition(Clock clock) {
    this(clock, Startup.inMemory(), false);
  }

  /**
   * The window with default settings that are not saved (tests).
   *
   * @param demo whether the Cluster screen opens the built-in demo mesh first ({@code --demo})
   */
  public GuiComposition(Clock clock, boolean demo) {
    this(clock, Startup.inMemory(), demo);
  }

  /**
   * @param clock what "now" is for expiry (and the demo mesh's certificates)
   * @param startup what the launcher read: settings, system theme, versions
   * @param demo whether the Cluster screen opens the built-in demo mesh first ({@code --demo})
   */
  public GuiComposition(Clock clock, Startup startup, boolean demo) {
    Messages messages = Messages.load(Locale.getDefault());
    appearance.systemDarkProperty().set(startup.systemDark());
    preferences = new Preferences(startup.store(), startup.settings(), appearance, redactor);
    FxDialogService dialogs = new FxDialogService(() -> Optional.ofNullable(owner.get()), messages);
    InspectionService inspection =
        new InspectorService(
            new Inspector(new InputReader(MeshReaders.all())::read),
            clock,
            preferences::expiryPolicy,
            redactor.known());
    // Every copy of every screen goes through redaction.
    ClipboardService clipboard = redactor.clipboard(new FxClipboard());
    CertificateTextRenderer text = CertificateText::render;
    InspectViewModel model =
        new InspectViewModel(
            inspection, new InputLoader(messages), runner, dialogs, clipboard, text, messages);
    InspectView view = new InspectView(model, messages);
    inspect = new InspectScreen(model, view, messages);
    connector = ClusterConnector.fromEnvironment(SessionOptions.defaults(), clock);
    Messages clusterMessages = ClusterScreen.messages(Locale.getDefault());
    AtomicReference<MainWindow> shown = new AtomicReference<>();
    ClusterViewModel clusterModel =
        new ClusterViewModel(
            new LearningClusterService(
                new ConnectorClusterService(connector, new MeshScanner(clock)),
                redactor.known(),
                () -> Platform.runLater(redactor::refreshLearned)),
            runner,
            dialogs,
            Platform::runLater,
            fetched -> {
              model.addText(fetched.name(), new String(fetched.content(), StandardCharsets.UTF_8));
              shown.get().select(inspect);
            },
            clusterMessages,
            clock);
    cluster =
        new ClusterScreen(
            clusterModel, new ClusterView(clusterModel, clusterMessages), clusterMessages, demo);
    probe = probeScreen(clock, clipboard);
    clusterModel.addWorkloadAction(probeAction(shown));
    mesh =
        MeshComposition.build(
            clock,
            runner,
            dialogs,
            messages,
            redactor,
            connector,
            clusterModel,
            () -> Optional.ofNullable(owner.get()),
            (name, pem) -> {
              model.addText(name, pem);
              shown.get().select(inspect);
            },
            m -> shown.get().select(m));
    List<Screen> screens = List.of(inspect, cluster, probe, mesh);
    window =
        new MainWindow(
            screens,
            messages,
            new ShellServices(
                redactor,
                appearance,
                preferences,
                runner,
                dialogs,
                clipboard,
                VersionInfo.withJavaFx(startup.versions())));
    runner.onFinished(window::finished);
    shown.set(window);
  }

  /**
   * The probe panel: the cluster of the last workload it was opened on (for port-forward and exec),
   * and that demo mesh, or its own started on first use.
   */
  private ProbeScreen probeScreen(Clock clock, ClipboardService clipboard) {
    Messages texts = ProbeScreen.messages(Locale.getDefault());
    DefaultProbeService service =
        new DefaultProbeService(
            () -> Optional.ofNullable(probeCluster.get()),
            () ->
                probeCluster.get() instanceof DemoCluster shown
                    ? shown
                    : probeDemo.updateAndGet(d -> d != null ? d : DemoCluster.create(clock)),
            clock);
    probeService = service;
    ProbeViewModel model = new ProbeViewModel(service, runner, clipboard, texts, clock);
    return new ProbeScreen(model, new ProbeView(model, texts), texts);
  }

  /** "Probe mTLS…" on a workload of the Cluster screen: opens the panel aimed at it. */
  private WorkloadAction probeAction(AtomicReference<MainWindow> shown) {
    return WorkloadAction.single(
        probe.title() + "\u2026",
        selection -> {
          probeCluster.set(selection.connection());
          probe.model().aimAt(selection.connection().isDemo(), selection.first().pod());
          shown.get().select(probe);
        });
  }

  /** The Probe screen. */
  public ProbeScreen probe() {
    return probe;
  }

  /** Shows the window and opens the files given. */
  public void start(Stage stage, List<Path> files) {
    owner.set(stage);
    guard.guardAllWindows();
    appearance.styleAllWindows();
    window.show(stage);
    window.open(files);
  }

  /**
   * Shows the window as a launch does: with files given, the screens that open them; with none, the
   * Cluster screen (the kubeconfig's current context, or the demo mesh when there is none or with
   * {@code --demo}), which is what the app is started for.
   */
  public void launch(Stage stage, List<Path> files) {
    // selected before the window shows, so that its warm-up lays out and draws this screen
    if (files.isEmpty()) {
      window.select(cluster);
    }
    start(stage, files);
  }

  /** The main window. */
  public MainWindow window() {
    return window;
  }

  /** The redaction switch every screen, copy and export goes through. */
  public Redactor redactor() {
    return redactor;
  }

  /** Zoom, theme and presentation mode. */
  public Appearance appearance() {
    return appearance;
  }

  /** The persisted preferences. */
  public Preferences preferences() {
    return preferences;
  }

  /** The Inspect screen. */
  public InspectScreen inspect() {
    return inspect;
  }

  /** The Cluster screen. */
  public ClusterScreen cluster() {
    return cluster;
  }

  /** The Mesh screen. */
  public MeshScreen mesh() {
    return mesh;
  }

  @Override
  public void close() {
    window.close();
    guard.close();
    appearance.close();
    runner.close();
    connector.close();
    probeService.close();
    Optional.ofNullable(probeDemo.get()).ifPresent(DemoCluster::close);
  }
}
