package dev.meshcert.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the version written into version.properties at build time. */
public final class VersionProvider implements CommandLine.IVersionProvider {

  /** The application version, such as "0.1.0", or "dev" when run from unfiltered resources. */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/dev/meshcert/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "dev";
    }
    return p.getProperty("version", "dev");
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "MeshCert Inspector " + version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
