package dev.meshcert.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.nio.file.Path;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Sends the window's logging to a rotating file in the user's log folder ({@link
 * UserFolders#logs()}), through the masking converters; the command line keeps logging warnings to
 * standard error. Configuration: {@code dev/meshcert/app/logback-file.xml}.
 */
public final class LogFile {
  private LogFile() {}

  /** The configuration resource. */
  static final String CONFIG = "/dev/meshcert/app/logback-file.xml";

  /** The current log file's name in the folder. */
  public static final String NAME = "meshcert.log";

  /**
   * Reconfigures logback to write into this folder; does nothing when SLF4J is not bound to
   * logback.
   *
   * @return the log file
   */
  public static Path configure(Path folder) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    Path file = folder.resolve(NAME);
    if (!(factory instanceof LoggerContext context)) {
      return file;
    }
    URL config = LogFile.class.getResource(CONFIG);
    context.reset();
    context.putProperty("LOG_DIR", folder.toString());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      // logback reports configuration errors on its status console as well
      System.err.println("meshcert: the log file could not be set up: " + e.getMessage());
    }
    return file;
  }
}
