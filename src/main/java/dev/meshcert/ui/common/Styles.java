package dev.meshcert.ui.common;

import java.net.URL;
import java.util.Objects;

/** The application style sheet (Modena plus ours). */
public final class Styles {
  private Styles() {}

  /** Where the style sheet is on the class path. */
  public static final String STYLESHEET = "/dev/meshcert/ui/meshcert.css";

  /** The style sheet's URL as a string, for {@code getStylesheets().add(...)}. */
  public static String stylesheet() {
    URL url = Objects.requireNonNull(Styles.class.getResource(STYLESHEET), STYLESHEET);
    return url.toExternalForm();
  }
}
