package dev.meshcert.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link Settings} in a properties file (under the user's config folder in production, a
 * temporary folder in tests). {@link #save} returns at once and writes on a background thread, the
 * latest settings winning; the file is replaced atomically so a crash never leaves half a file.
 */
public final class SettingsStore implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

  private final Path file;
  private final AtomicReference<Settings> pending = new AtomicReference<>();
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "meshcert-settings");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param file the settings file; its folder is created on the first save. Null keeps nothing.
   */
  public SettingsStore(Path file) {
    this.file = file;
  }

  /** A store that keeps nothing: loads the defaults, saves nowhere (tests, no user folder). */
  public static SettingsStore inMemory() {
    return new SettingsStore(null);
  }

  /** The file; null for {@link #inMemory()}. */
  public Path file() {
    return file;
  }

  /** Reads the settings; the defaults when there is no file or it cannot be read. Blocking I/O. */
  public Settings load() {
    if (file == null) {
      return Settings.DEFAULTS;
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (NoSuchFileException e) {
      return Settings.DEFAULTS;
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("settings file {} could not be read; using defaults: {}", file, e.toString());
      return Settings.DEFAULTS;
    }
    return Settings.fromProperties(p);
  }

  /** Writes these settings soon, off the calling thread. */
  public void save(Settings settings) {
    if (file == null) {
      return;
    }
    if (pending.getAndSet(settings) == null) {
      writer.execute(this::writePending);
    }
  }

  /** Waits until every save so far is on disk (at most a few seconds). */
  public void flush() {
    try {
      writer.submit(() -> {}).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("settings were not written in time: {}", e.toString());
    }
  }

  @Override
  public void close() {
    flush();
    writer.shutdown();
  }

  private void writePending() {
    Settings s = pending.getAndSet(null);
    if (s == null) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        s.toProperties().store(out, "MeshCert Inspector settings");
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      LOG.warn("settings could not be written to {}: {}", file, e.toString());
    }
  }
}
