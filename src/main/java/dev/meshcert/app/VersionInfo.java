package dev.meshcert.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.CodeSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The versions the About dialog and {@code --version} show: the app, Java, JavaFX, Bouncy Castle
 * and the Kubernetes client, read from system properties, jar manifests and Maven metadata (never
 * by loading JavaFX or Kubernetes classes). Reads a few small files: call off the FX thread.
 */
public final class VersionInfo {
  private VersionInfo() {}

  /** The app's version from {@code version.properties}, or "development". */
  public static String app() {
    try (InputStream in =
        VersionInfo.class.getResourceAsStream("/dev/meshcert/version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "");
        if (!v.isBlank() && !v.startsWith("${")) {
          return v;
        }
      }
    } catch (IOException e) {
      // fall through to the default
    }
    return "development";
  }

  /** Name to version, in display order. */
  public static Map<String, String> all() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("MeshCert Inspector", app());
    v.put(
        "Java",
        System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor", "?")
            + ", "
            + System.getProperty("java.vm.name", "?")
            + ")");
    v.put(
        "JavaFX",
        Optional.ofNullable(System.getProperty("javafx.runtime.version"))
            .or(() -> Optional.ofNullable(System.getProperty("javafx.version")))
            .or(() -> maven("org.openjfx", "javafx-base"))
            .orElse("?"));
    v.put("Bouncy Castle", manifestVersion(BouncyCastleProvider.class).orElse("?"));
    v.put("Kubernetes client", maven("io.kubernetes", "client-java").orElse("?"));
    v.put(
        "OS",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " ("
            + System.getProperty("os.arch")
            + ")");
    return v;
  }

  /**
   * The versions with JavaFX's filled in from the running toolkit (its version property is only set
   * once the toolkit has started, after {@link #all()} may have run).
   */
  public static Map<String, String> withJavaFx(Map<String, String> versions) {
    Map<String, String> v = new LinkedHashMap<>(versions);
    String fx = System.getProperty("javafx.runtime.version");
    if (fx != null && !fx.isBlank()) {
      v.put("JavaFX", fx);
    }
    return v;
  }

  /** The version in a jar's Maven metadata on the class path. */
  static Optional<String> maven(String group, String artifact) {
    String path = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = VersionInfo.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        return Optional.empty();
      }
      Properties p = new Properties();
      p.load(in);
      return Optional.ofNullable(p.getProperty("version"));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Implementation-Version or Bundle-Version of the jar a class came from. */
  static Optional<String> manifestVersion(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    URL location = source == null ? null : source.getLocation();
    if (location == null || !location.getPath().endsWith(".jar")) {
      return Optional.empty();
    }
    try (JarFile jar = new JarFile(new java.io.File(location.toURI()))) {
      Manifest m = jar.getManifest();
      if (m == null) {
        return Optional.empty();
      }
      String v = m.getMainAttributes().getValue("Implementation-Version");
      return Optional.ofNullable(v != null ? v : m.getMainAttributes().getValue("Bundle-Version"));
    } catch (IOException | java.net.URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
