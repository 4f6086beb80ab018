package dev.meshcert.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** User-visible text from the {@code dev/meshcert/ui/messages} resource bundle. */
public final class Messages {

  private final ResourceBundle bundle;

  public Messages(ResourceBundle bundle) {
    this.bundle = bundle;
  }

  /** The bundle for this locale. */
  public static Messages load(Locale locale) {
    return new Messages(ResourceBundle.getBundle("dev.meshcert.ui.messages", locale));
  }

  /**
   * The text for {@code key}, with {@code {0}}-style arguments filled in. Patterns are always
   * MessageFormat patterns, so an apostrophe is written {@code ''}.
   *
   * @throws MissingResourceException when the key is missing: a bug that tests catch
   */
  public String get(String key, Object... args) {
    String pattern = bundle.getString(key);
    return new MessageFormat(pattern, bundle.getLocale()).format(args);
  }
}
