package dev.meshcert.ui.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether the desktop prefers a dark theme, read the ways each system allows (JavaFX 21 has no API
 * for it): {@code MESHCERT_THEME}; on Linux {@code GTK_THEME}, the GTK settings.ini files and
 * {@code gsettings} (GNOME's color-scheme and gtk-theme); on macOS {@code defaults read -g
 * AppleInterfaceStyle}; on Windows the {@code AppsUseLightTheme} registry value. Anything that
 * cannot be read counts as light. Runs commands with a short timeout: call off the FX thread.
 */
public final class SystemTheme {

  /** Runs a command and returns its standard output, or empty when it cannot run. */
  @FunctionalInterface
  public interface Commands {
    Optional<String> run(List<String> command);
  }

  private final Map<String, String> env;
  private final String os;
  private final Path home;
  private final Commands commands;

  /**
   * @param env the environment variables
   * @param os the {@code os.name} system property
   * @param home the user's home folder
   * @param commands how to run {@code gsettings}, {@code defaults} or {@code reg}
   */
  public SystemTheme(Map<String, String> env, String os, Path home, Commands commands) {
    this.env = env;
    this.os = os.toLowerCase(Locale.ROOT);
    this.home = home;
    this.commands = commands;
  }

  /** The real system. */
  public static SystemTheme current() {
    return new SystemTheme(
        System.getenv(),
        System.getProperty("os.name", ""),
        Path.of(System.getProperty("user.home", ".")),
        SystemTheme::runCommand);
  }

  /** Whether the desktop prefers dark. */
  public boolean prefersDark() {
    String forced = env.getOrDefault("MESHCERT_THEME", "").toLowerCase(Locale.ROOT);
    if (forced.equals("dark") || forced.equals("light")) {
      return forced.equals("dark");
    }
    if (os.contains("mac")) {
      return commands
          .run(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
          .map(s -> s.strip().equalsIgnoreCase("dark"))
          .orElse(false);
    }
    if (os.contains("win")) {
      return commands
          .run(
              List.of(
                  "reg",
                  "query",
                  "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                  "/v",
                  "AppsUseLightTheme"))
          .map(SystemTheme::registrySaysDark)
          .orElse(false);
    }
    return gtkPrefersDark();
  }

  private boolean gtkPrefersDark() {
    if (isDarkName(env.get("GTK_THEME"))) {
      return true;
    }
    String config = env.getOrDefault("XDG_CONFIG_HOME", "");
    Path configDir = config.isBlank() ? home.resolve(".config") : Path.of(config);
    for (String gtk : List.of("gtk-4.0", "gtk-3.0")) {
      Optional<Boolean> fromFile = settingsIni(configDir.resolve(gtk).resolve("settings.ini"));
      if (fromFile.isPresent()) {
        return fromFile.get();
      }
    }
    Optional<String> scheme =
        commands.run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
    if (scheme.isPresent() && scheme.get().contains("dark")) {
      return true;
    }
    return commands
        .run(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"))
        .map(SystemTheme::isDarkName)
        .orElse(false);
  }

  /** Reads {@code gtk-application-prefer-dark-theme} or a dark {@code gtk-theme-name}. */
  static Optional<Boolean> settingsIni(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    Optional<Boolean> answer = Optional.empty();
    for (String line : lines) {
      String[] kv = line.split("=", 2);
      if (kv.length != 2) {
        continue;
      }
      String key = kv[0].strip();
      String value = kv[1].strip().toLowerCase(Locale.ROOT);
      if (key.equals("gtk-application-prefer-dark-theme")) {
        return Optional.of(value.equals("1") || value.equals("true"));
      }
      if (key.equals("gtk-theme-name")) {
        answer = Optional.of(isDarkName(value));
      }
    }
    return answer;
  }

  static boolean registrySaysDark(String output) {
    for (String line : output.split("\\R")) {
      if (line.contains("AppsUseLightTheme")) {
        return line.strip().endsWith("0x0");
      }
    }
    return false;
  }

  static boolean isDarkName(String name) {
    return name != null && name.toLowerCase(Locale.ROOT).contains("dark");
  }

  private static Optional<String> runCommand(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
      p.getOutputStream().close();
      if (!p.waitFor(1500, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      if (p.exitValue() != 0) {
        return Optional.empty();
      }
      return Optional.of(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
