package dev.meshcert.app;

import dev.meshcert.cli.MeshCertCli;

/**
 * The entry point of {@code java -jar meshcert.jar}. Not a JavaFX Application, so the JavaFX
 * runtime is not needed on the class path check at start and the CLI runs without a display: no
 * arguments (or only files) open the window, a subcommand or {@code --help}/{@code --version} runs
 * the CLI.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    if (MeshCertCli.handles(args)) {
      System.exit(MeshCertCli.run(args));
    }
    if (noDisplay()) {
      System.err.println(
          "meshcert: no display found (DISPLAY and WAYLAND_DISPLAY are unset), so the window"
              + " cannot open. Use the command line instead: meshcert --help");
      System.exit(2);
    }
    GuiLauncher.launch(args);
  }

  /** On Linux and other X11 systems a window needs DISPLAY or WAYLAND_DISPLAY. */
  private static boolean noDisplay() {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    if (os.contains("win") || os.contains("mac")) {
      return false;
    }
    return isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"));
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
