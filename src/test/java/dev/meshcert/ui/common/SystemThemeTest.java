package dev.meshcert.ui.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemThemeTest {

  @TempDir Path home;

  static final SystemTheme.Commands NONE = c -> Optional.empty();

  @Test
  void gtkThemeVariableWithDarkVariantIsDark() {
    assertTrue(
        new SystemTheme(Map.of("GTK_THEME", "Adwaita:dark"), "Linux", home, NONE).prefersDark());
  }

  @Test
  void gtkSettingsIniPreferDarkIsDark() throws Exception {
    Path ini = home.resolve(".config/gtk-3.0/settings.ini");
    Files.createDirectories(ini.getParent());
    Files.writeString(ini, "[Settings]\ngtk-application-prefer-dark-theme=1\n");

    assertTrue(new SystemTheme(Map.of(), "Linux", home, NONE).prefersDark());
  }

  @Test
  void gnomeColorSchemeIsAsked() {
    SystemTheme.Commands gsettings =
        c -> c.contains("color-scheme") ? Optional.of("'prefer-dark'\n") : Optional.empty();

    assertTrue(new SystemTheme(Map.of(), "Linux", home, gsettings).prefersDark());
  }

  @Test
  void nothingReadableMeansLight() {
    assertFalse(new SystemTheme(Map.of(), "Linux", home, NONE).prefersDark());
  }

  @Test
  void macDarkAppearanceIsDark() {
    SystemTheme.Commands defaults =
        c ->
            c.equals(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                ? Optional.of("Dark\n")
                : Optional.empty();

    assertTrue(new SystemTheme(Map.of(), "Mac OS X", home, defaults).prefersDark());
  }

  @Test
  void windowsRegistryZeroMeansDark() {
    SystemTheme.Commands reg =
        c ->
            Optional.of(
                "\nHKEY_CURRENT_USER\\...\\Personalize\n    AppsUseLightTheme    REG_DWORD    0x0\n");

    assertTrue(new SystemTheme(Map.of(), "Windows 11", home, reg).prefersDark());
  }

  @Test
  void environmentOverrideWins() {
    assertFalse(
        new SystemTheme(
                Map.of("MESHCERT_THEME", "light", "GTK_THEME", "Adwaita:dark"), "Linux", home, NONE)
            .prefersDark());
  }
}
