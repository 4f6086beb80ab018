package dev.meshcert.app;

import dev.meshcert.cli.MeshCertCli;

/**
 * The entry point of the packaged command-line launcher ({@code meshcert-cli}): always the command
 * line, never the window, so no arguments print the usage. Its launcher runs the JVM with the
 * options that suit a short command (the C1 compiler only and the serial collector: a third less
 * CPU for {@code inspect} of 10,000 certificates, see docs/performance.md), and on Windows it is a
 * console program, which the window's launcher is not.
 */
public final class CliLauncher {
  private CliLauncher() {}

  public static void main(String[] args) {
    System.exit(MeshCertCli.run(args));
  }
}
