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
    GuiLauncher.launch(args);
  }
}
