package dev.meshcert.probe;

/**
 * One line of a probe transcript, shaped like {@code curl -v}: {@code *} for what happened, {@code
 * >} for what was sent, {@code <} for what was received, {@code !} for a failure.
 */
public record TranscriptLine(Kind kind, String text) {

  /** The kinds of line, with curl's prefix. */
  public enum Kind {
    INFO("* "),
    SENT("> "),
    RECEIVED("< "),
    ERROR("! ");

    private final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  @Override
  public String toString() {
    return kind.prefix() + text;
  }
}
