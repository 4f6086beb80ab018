package dev.meshcert.app;

import dev.meshcert.ui.common.Settings;
import dev.meshcert.ui.common.SettingsStore;
import dev.meshcert.ui.common.SystemTheme;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.LoggerFactory;

/**
 * Starts the window; kept apart so the CLI path never loads JavaFX classes. Sets up the log file,
 * hands the files to an already running window when there is one, and reads the settings, the
 * desktop's theme and the library versions while the JavaFX toolkit starts.
 */
final class GuiLauncher {
  private GuiLauncher() {}

  static void launch(String[] args) {
    if (System.getProperty("javafx.cachedir") == null) {
      System.setProperty(
          "javafx.cachedir",
          Path.of(System.getProperty("java.io.tmpdir"), "meshcert-javafx-cache").toString());
    }
    UserFolders folders = UserFolders.current();
    Path log = LogFile.configure(folders.logs());
    LoggerFactory.getLogger(GuiLauncher.class)
        .info(
            "MeshCert Inspector {} starting; log {}, settings {}",
            VersionInfo.app(),
            log,
            folders.config());
    List<Path> files =
        List.of(args).stream().filter(a -> !a.startsWith("--")).map(Path::of).toList();
    FileInbox inbox = new FileInbox();
    SingleInstance single = new SingleInstance(folders.runtime());
    if (!single.becomePrimary(inbox::deliver) && single.handOff(files)) {
      System.err.println("meshcert: opened in the running window");
      System.exit(0);
    }
    SettingsStore store = new SettingsStore(folders.config().resolve("settings.properties"));
    CompletableFuture<Settings> settings = CompletableFuture.supplyAsync(store::load);
    CompletableFuture<Boolean> dark =
        CompletableFuture.supplyAsync(() -> SystemTheme.current().prefersDark());
    CompletableFuture<Map<String, String>> versions =
        CompletableFuture.supplyAsync(VersionInfo::all);
    Platform.startup(
        () -> {
          Optional<StallProbe> stalls = StallProbe.fromProperties();
          GuiComposition.Startup startup =
              new GuiComposition.Startup(store, settings.join(), darkSoon(dark), versions.join());
          GuiComposition app =
              new GuiComposition(Clock.systemUTC(), startup, List.of(args).contains("--demo"));
          Stage stage = new Stage();
          app.launch(stage, files);
          dark.thenAccept(
              d -> Platform.runLater(() -> app.appearance().systemDarkProperty().set(d)));
          inbox.connect(
              more ->
                  Platform.runLater(
                      () -> {
                        app.window().open(more);
                        stage.toFront();
                      }));
          stage.addEventHandler(
              WindowEvent.WINDOW_HIDDEN,
              e -> {
                app.close();
                single.close();
                store.close();
                // The toolkit exits by itself once its last window is gone (implicit exit).
              });
          StartupProbe.install(stage);
          stalls.ifPresent(p -> StallPhases.follow(p, stage, app.cluster().model()));
        });
  }

  /** The theme if known within a moment; light until the answer comes otherwise. */
  private static boolean darkSoon(CompletableFuture<Boolean> dark) {
    try {
      return dark.get(300, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      return false;
    }
  }
}
