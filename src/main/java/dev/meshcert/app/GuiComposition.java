package dev.meshcert.app;

import dev.meshcert.core.analysis.Inspector;
import dev.meshcert.core.cert.CertificateText;
import dev.meshcert.core.read.InputReader;
import dev.meshcert.kube.demo.DemoCluster;
import dev.meshcert.mesh.MeshReaders;
import dev.meshcert.ui.common.FxClipboard;
import dev.meshcert.ui.common.FxDialogService;
import dev.meshcert.ui.common.FxTaskRunner;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.Screen;
import dev.meshcert.ui.inspect.CertificateTextRenderer;
import dev.meshcert.ui.inspect.InputLoader;
import dev.meshcert.ui.inspect.InspectScreen;
import dev.meshcert.ui.inspect.InspectView;
import dev.meshcert.ui.inspect.InspectViewModel;
import dev.meshcert.ui.inspect.InspectionService;
import dev.meshcert.ui.probe.DefaultProbeService;
import dev.meshcert.ui.probe.ProbeScreen;
import dev.meshcert.ui.probe.ProbeService;
import dev.meshcert.ui.probe.ProbeView;
import dev.meshcert.ui.probe.ProbeViewModel;
import dev.meshcert.ui.shell.MainWindow;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The composition root of the window: builds every service, view model, view and screen by
 * constructor. One per application run; {@link #close()} stops background work. Create and use it
 * on the FX thread.
 */
public final class GuiComposition implements AutoCloseable {

  private final FxTaskRunner runner = new FxTaskRunner(2);
  private final AtomicReference<Window> owner = new AtomicReference<>();
  private final InspectScreen inspect;
  private final ProbeScreen probe;
  private final AtomicReference<DemoCluster> probeDemo = new AtomicReference<>();
  private final MainWindow window;

  /** The window as the application ships it, judging expiry by the system clock. */
  public GuiComposition() {
    this(Clock.systemUTC());
  }

  /**
   * @param clock what "now" is for expiry
   */
  public GuiComposition(Clock clock) {
    Messages messages = Messages.load(Locale.getDefault());
    FxDialogService dialogs = new FxDialogService(() -> Optional.ofNullable(owner.get()), messages);
    InspectionService inspection =
        new InspectorService(new Inspector(new InputReader(MeshReaders.all())::read), clock);
    CertificateTextRenderer text = CertificateText::render;
    InspectViewModel model =
        new InspectViewModel(
            inspection,
            new InputLoader(messages),
            runner,
            dialogs,
            new FxClipboard(),
            text,
            messages);
    InspectView view = new InspectView(model, messages);
    inspect = new InspectScreen(model, view, messages);
    probe = probeScreen(clock);
    List<Screen> screens = List.of(inspect, probe);
    window = new MainWindow(screens, messages);
  }

  /** The probe panel: its own demo mesh (started on first use) until a cluster is open. */
  private ProbeScreen probeScreen(Clock clock) {
    Messages texts =
        new Messages(ResourceBundle.getBundle("dev.meshcert.ui.probe.probe", Locale.getDefault()));
    ProbeService service =
        new DefaultProbeService(
            Optional::empty,
            () -> probeDemo.updateAndGet(d -> d != null ? d : DemoCluster.create(clock)),
            clock);
    ProbeViewModel model = new ProbeViewModel(service, runner, new FxClipboard(), texts);
    return new ProbeScreen(model, new ProbeView(model, texts), texts);
  }

  /** The Probe screen. */
  public ProbeScreen probe() {
    return probe;
  }

  /** Shows the window and opens the files given. */
  public void start(Stage stage, List<Path> files) {
    owner.set(stage);
    window.show(stage);
    window.open(files);
  }

  /** The main window. */
  public MainWindow window() {
    return window;
  }

  /** The Inspect screen. */
  public InspectScreen inspect() {
    return inspect;
  }

  @Override
  public void close() {
    window.close();
    runner.close();
    Optional.ofNullable(probeDemo.get()).ifPresent(DemoCluster::close);
  }
}
