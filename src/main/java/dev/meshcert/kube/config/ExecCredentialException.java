package dev.meshcert.kube.config;

import java.util.Optional;

/** An exec credential plugin that could not give a credential. */
public final class ExecCredentialException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** The program is not there (not on PATH, wrong path). */
    MISSING,
    /** It ran and failed (non-zero exit). */
    FAILED,
    /** It did not finish in time (often: waiting for a browser login or a prompt). */
    TIMEOUT,
    /** It printed something that is not an ExecCredential. */
    BAD_OUTPUT
  }

  private final Kind kind;
  private final String command;
  private final transient Optional<String> installHint;

  /**
   * @param kind what went wrong
   * @param command the plugin program
   * @param installHint the kubeconfig's installHint, if any
   * @param message the full explanation for a person
   */
  public ExecCredentialException(
      Kind kind, String command, Optional<String> installHint, String message) {
    super(message);
    this.kind = kind;
    this.command = command;
    this.installHint = installHint;
  }

  public Kind kind() {
    return kind;
  }

  /** The plugin program as configured. */
  public String command() {
    return command;
  }

  /** The kubeconfig's install hint. */
  public Optional<String> installHint() {
    return installHint;
  }
}
