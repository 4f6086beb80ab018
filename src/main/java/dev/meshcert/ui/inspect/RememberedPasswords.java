package dev.meshcert.ui.inspect;

import dev.meshcert.core.read.PasswordProvider;
import dev.meshcert.ui.common.DialogService;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keystore passwords asked once per source and offered again on later inspections, since everything
 * loaded is inspected again after each change. A refused question is not asked again until the
 * source is added anew. Called off the FX thread; passwords stay in memory only.
 */
final class RememberedPasswords implements PasswordProvider {

  private final DialogService dialogs;
  private final Map<String, char[]> known = new ConcurrentHashMap<>();
  private final Set<String> declined = ConcurrentHashMap.newKeySet();

  RememberedPasswords(DialogService dialogs) {
    this.dialogs = dialogs;
  }

  @Override
  public Optional<char[]> password(String sourceName, int attempt) {
    char[] password = known.get(sourceName);
    if (attempt == 1 && password != null) {
      return Optional.of(password.clone());
    }
    if (attempt == 1 && declined.contains(sourceName)) {
      return Optional.empty();
    }
    Optional<char[]> answer = dialogs.askPassword(sourceName, attempt);
    if (answer.isPresent()) {
      Optional.ofNullable(known.put(sourceName, answer.get().clone()))
          .ifPresent(RememberedPasswords::wipe);
    } else {
      declined.add(sourceName);
    }
    return answer;
  }

  /** Forgets what was said about this source, so it is asked again. */
  void forget(String sourceName) {
    Optional.ofNullable(known.remove(sourceName)).ifPresent(RememberedPasswords::wipe);
    declined.remove(sourceName);
  }

  /** Forgets everything. */
  void clear() {
    known.values().forEach(RememberedPasswords::wipe);
    known.clear();
    declined.clear();
  }

  private static void wipe(char[] password) {
    Arrays.fill(password, '\0');
  }
}
