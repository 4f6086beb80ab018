package dev.meshcert.guarantees;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.slf4j.LoggerFactory;

/**
 * Captures every log line while open, at every level (the tests' logback configuration logs WARN
 * and above only; the app's may log more): SLF4J through logback, and {@code java.util.logging}
 * (SnakeYAML, the JDK). Each line is kept with its stack trace, as a file appender would write it.
 */
final class LogCapture implements AutoCloseable {

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Level level = root.getLevel();
  private final AppenderBase<ILoggingEvent> appender =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
          String trace =
              e.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(e.getThrowableProxy());
          lines.add(e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage() + trace);
        }
      };
  private final java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
  private final java.util.logging.Level julLevel = julRoot.getLevel();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          lines.add(
              r.getLevel()
                  + " "
                  + r.getLoggerName()
                  + " "
                  + r.getMessage()
                  + (r.getThrown() == null ? "" : " " + r.getThrown()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  LogCapture() {
    appender.setContext(root.getLoggerContext());
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.ALL);
    julRoot.addHandler(handler);
    julRoot.setLevel(java.util.logging.Level.ALL);
  }

  /** Everything logged so far, one entry per event. */
  String text() {
    return String.join("\n", lines);
  }

  int count() {
    return lines.size();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    root.setLevel(level);
    julRoot.removeHandler(handler);
    julRoot.setLevel(julLevel);
  }
}
