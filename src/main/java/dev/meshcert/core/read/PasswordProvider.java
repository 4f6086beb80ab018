package dev.meshcert.core.read;

import java.util.Optional;

/**
 * Asked for a password when a keystore is not readable with an empty or absent password. The GUI
 * shows a dialog, the CLI uses {@code --password}. Called off the FX thread.
 */
@FunctionalInterface
public interface PasswordProvider {

  /**
   * @param sourceName the input that needs it
   * @param attempt 1 for the first question, 2 and up after a wrong password
   * @return the password, or empty to give up
   */
  Optional<char[]> password(String sourceName, int attempt);

  /** A provider that never has a password. */
  static PasswordProvider none() {
    return (name, attempt) -> Optional.empty();
  }

  /** A provider with one fixed password, offered once. */
  static PasswordProvider fixed(char[] password) {
    return (name, attempt) -> attempt == 1 ? Optional.of(password.clone()) : Optional.empty();
  }
}
