package dev.meshcert.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UserFoldersTest {

  static final Path HOME = Path.of("/home/ana");

  @AfterEach
  void clearProperties() {
    System.clearProperty("meshcert.log.dir");
  }

  @Test
  void linuxLogsGoToTheXdgStateFolder() {
    var folders = new UserFolders(Map.of("XDG_STATE_HOME", "/st"), "Linux", HOME);

    assertEquals(Path.of("/st/meshcert"), folders.logs());
  }

  @Test
  void linuxWithoutXdgUsesDotLocalState() {
    assertEquals(
        HOME.resolve(".local/state/meshcert"), new UserFolders(Map.of(), "Linux", HOME).logs());
  }

  @Test
  void macLogsGoToLibraryLogs() {
    assertEquals(
        HOME.resolve("Library/Logs/MeshCert"), new UserFolders(Map.of(), "Mac OS X", HOME).logs());
  }

  @Test
  void windowsLogsGoToLocalAppData() {
    var folders = new UserFolders(Map.of("LOCALAPPDATA", "/lad"), "Windows 11", HOME);

    assertEquals(Path.of("/lad/MeshCert/logs"), folders.logs());
  }

  @Test
  void systemPropertyOverridesTheLogFolder() {
    System.setProperty("meshcert.log.dir", "/tmp/elsewhere");

    assertEquals(Path.of("/tmp/elsewhere"), new UserFolders(Map.of(), "Linux", HOME).logs());
  }

  @Test
  void linuxSettingsGoToTheXdgConfigFolder() {
    var folders = new UserFolders(Map.of("XDG_CONFIG_HOME", "/cfg"), "Linux", HOME);

    assertEquals(Path.of("/cfg/meshcert"), folders.config());
  }

  @Test
  void linuxRuntimeFolderIsUnderXdgRuntimeDir() {
    var folders = new UserFolders(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), "Linux", HOME);

    assertEquals(Path.of("/run/user/1000/meshcert"), folders.runtime());
  }
}
