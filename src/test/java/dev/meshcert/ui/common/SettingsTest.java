package dev.meshcert.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  @TempDir Path dir;

  @Test
  void savedSettingsAreReadBack() {
    Settings s =
        Settings.DEFAULTS
            .withTheme(Theme.DARK)
            .withZoom(150)
            .withRedaction(true, true)
            .withExpiry(14, 60)
            .withScanParallelism(8)
            .withRecent("/a.pem")
            .withRecent("/b.pem");
    try (SettingsStore store = new SettingsStore(dir.resolve("cfg/settings.properties"))) {
      store.save(s);
      store.flush();
      assertEquals(s, new SettingsStore(store.file()).load());
    }
  }

  @Test
  void missingFileGivesTheDefaults() {
    assertEquals(Settings.DEFAULTS, new SettingsStore(dir.resolve("none.properties")).load());
  }

  @Test
  void malformedValuesFallBackOrAreClamped() throws Exception {
    Path file = dir.resolve("settings.properties");
    Files.writeString(file, "zoom=900\nexpiry.days=abc\nscan.parallelism=0\ntheme=purple\n");

    Settings s = new SettingsStore(file).load();

    assertEquals(200, s.zoom());
    assertEquals(30, s.expiringDays());
    assertEquals(1, s.scanParallelism());
    assertEquals(Theme.SYSTEM, s.theme());
  }

  @Test
  void recentFilesKeepTheNewestFirstWithoutRepeats() {
    Settings s = Settings.DEFAULTS.withRecent("/a").withRecent("/b").withRecent("/a");

    assertEquals(List.of("/a", "/b"), s.recentFiles());
  }

  @Test
  void recentFilesAreCapped() {
    Settings s = Settings.DEFAULTS;
    for (int i = 0; i < 15; i++) {
      s = s.withRecent("/f" + i);
    }

    assertEquals(Settings.MAX_RECENT, s.recentFiles().size());
    assertEquals("/f14", s.recentFiles().get(0));
  }

  @Test
  void zoomIsRoundedToItsSteps() {
    assertEquals(130, Settings.fromProperties(props("zoom", "127")).zoom());
  }

  private static Properties props(String k, String v) {
    Properties p = new Properties();
    p.setProperty(k, v);
    return p;
  }
}
