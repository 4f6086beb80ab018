package dev.meshcert.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the application keeps its files, per operating system, each overridable by a system
 * property (tests point them at temporary folders and never touch the real home):
 *
 * <table>
 *   <caption>folders</caption>
 *   <tr><th>what</th><th>property</th><th>Linux</th><th>macOS</th><th>Windows</th></tr>
 *   <tr><td>settings</td><td>{@code meshcert.config.dir}</td><td>$XDG_CONFIG_HOME/meshcert or
 *       ~/.config/meshcert</td><td>~/Library/Application Support/MeshCert</td>
 *       <td>%APPDATA%\MeshCert</td></tr>
 *   <tr><td>logs</td><td>{@code meshcert.log.dir}</td><td>$XDG_STATE_HOME/meshcert or
 *       ~/.local/state/meshcert</td><td>~/Library/Logs/MeshCert</td>
 *       <td>%LOCALAPPDATA%\MeshCert\logs</td></tr>
 *   <tr><td>runtime (single-instance socket)</td><td>{@code meshcert.runtime.dir}</td>
 *       <td>$XDG_RUNTIME_DIR/meshcert, else the state folder</td><td>~/Library/Caches/MeshCert</td>
 *       <td>%LOCALAPPDATA%\MeshCert</td></tr>
 * </table>
 */
public final class UserFolders {

  private final Map<String, String> env;
  private final String os;
  private final Path home;

  UserFolders(Map<String, String> env, String os, Path home) {
    this.env = env;
    this.os = os.toLowerCase(Locale.ROOT);
    this.home = home;
  }

  /** The folders of this process's user. */
  public static UserFolders current() {
    return new UserFolders(
        System.getenv(),
        System.getProperty("os.name", ""),
        Path.of(System.getProperty("user.home", ".")));
  }

  /** Settings and recent files. */
  public Path config() {
    return property("meshcert.config.dir")
        .orElseGet(
            () -> {
              if (mac()) {
                return home.resolve("Library/Application Support/MeshCert");
              }
              if (windows()) {
                return envPath("APPDATA", home.resolve("AppData/Roaming")).resolve("MeshCert");
              }
              return envPath("XDG_CONFIG_HOME", home.resolve(".config")).resolve("meshcert");
            });
  }

  /** The rotating log files. */
  public Path logs() {
    return property("meshcert.log.dir")
        .orElseGet(
            () -> {
              if (mac()) {
                return home.resolve("Library/Logs/MeshCert");
              }
              if (windows()) {
                return localAppData().resolve("MeshCert").resolve("logs");
              }
              return envPath("XDG_STATE_HOME", home.resolve(".local/state")).resolve("meshcert");
            });
  }

  /** The single-instance lock and socket port file. */
  public Path runtime() {
    return property("meshcert.runtime.dir")
        .orElseGet(
            () -> {
              if (mac()) {
                return home.resolve("Library/Caches/MeshCert");
              }
              if (windows()) {
                return localAppData().resolve("MeshCert");
              }
              String runtime = env.getOrDefault("XDG_RUNTIME_DIR", "");
              return runtime.isBlank() ? logs() : Path.of(runtime).resolve("meshcert");
            });
  }

  private Path localAppData() {
    return envPath("LOCALAPPDATA", home.resolve("AppData/Local"));
  }

  private Path envPath(String name, Path fallback) {
    String v = env.getOrDefault(name, "");
    return v.isBlank() ? fallback : Path.of(v);
  }

  private static java.util.Optional<Path> property(String name) {
    String v = System.getProperty(name, "");
    return v.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(Path.of(v));
  }

  private boolean mac() {
    return os.contains("mac");
  }

  private boolean windows() {
    return os.contains("win");
  }
}
