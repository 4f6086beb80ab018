package dev.meshcert.ui.common;

import java.util.Locale;

/** The colour theme the person chose; {@link #SYSTEM} follows the desktop where it can be read. */
public enum Theme {
  SYSTEM,
  LIGHT,
  DARK;

  /** The style class a scene root gets for this theme: {@code theme-dark}. SYSTEM has none. */
  public String styleClass() {
    return "theme-" + name().toLowerCase(Locale.ROOT);
  }

  /** The theme named {@code name} (any case), or SYSTEM when the name is unknown. */
  public static Theme parse(String name) {
    for (Theme t : values()) {
      if (t.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
        return t;
      }
    }
    return SYSTEM;
  }
}
