package dev.meshcert.app;

import dev.meshcert.core.analysis.Inspector;
import dev.meshcert.core.cert.CertificateText;
import dev.meshcert.core.read.InputReader;
import dev.meshcert.mesh.MeshReaders;
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
import dev.meshcert.ui.shell.MainWindow;
import dev.meshcert.ui.shell.ShellServices;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
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
  private final MainWindow window;

  /** The window with default settings that are not saved (tests). */
  public GuiComposition(Clock clock) {
    this(clock, Startup.inMemory());
  }

  /**
   * @param clock what "now" is for expiry
   */
  public GuiComposition(Clock clock, Startup startup) {
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
    List<Screen> screens = List.of(inspect);
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
  }

  /** Shows the window and opens the files given. */
  public void start(Stage stage, List<Path> files) {
    owner.set(stage);
    guard.guardAllWindows();
    appearance.styleAllWindows();
    window.show(stage);
    window.open(files);
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

  @Override
  public void close() {
    window.close();
    guard.close();
    appearance.close();
    runner.close();
  }
}
