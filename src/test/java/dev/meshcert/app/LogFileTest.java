package dev.meshcert.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import dev.meshcert.testpki.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The window's log file: in the folder given, with planted secrets masked. */
class LogFileTest {

  static final String TOKEN = "tokMARKER7Q2x9LpZ";
  static final String PASSWORD = "pwMARKERhunter2";
  static final String JWT =
      "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJNQVJLRVItand0LXN1YmplY3QifQ.TUFSS0VSLXNpZ25hdHVyZQ";
  static final String SECRET_DATA =
      "TUFSS0VSLXNlY3JldC1kYXRhLXRoYXQtaXMtbG9uZy1lbm91Z2gtMTIzNDU2Nzg5";

  @TempDir Path dir;

  @AfterEach
  void restoreTestLogging() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    new ContextInitializer(context).autoConfig();
  }

  @Test
  void writesIntoTheConfiguredFolder() throws Exception {
    Path file = LogFile.configure(dir);

    LoggerFactory.getLogger("dev.meshcert.app.LogFileTest").info("window opened");
    stop();

    assertTrue(file.startsWith(dir));
    assertTrue(Files.readString(file).contains("window opened"));
  }

  @Test
  void plantedPrivateKeyTokenAndSecretsNeverReachTheFile() throws Exception {
    String keyPem = new TestPki().root("CN=Logged Key").issue().keyPem();
    String keyBody = keyPem.lines().skip(1).findFirst().orElseThrow();
    Path file = LogFile.configure(dir);
    Logger log = LoggerFactory.getLogger("dev.meshcert.app.LogFileTest");

    log.info("read key file:\n{}", keyPem);
    log.warn("request failed, Authorization: Bearer {}", JWT);
    log.info("kubeconfig user token: {} password={}", TOKEN, PASSWORD);
    log.error("bad Secret", new IllegalStateException("cannot decode data " + SECRET_DATA));
    stop();

    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(text.contains("request failed") && text.contains("IllegalStateException"), text);
    for (String secret : new String[] {keyBody, JWT, TOKEN, PASSWORD, SECRET_DATA, "MARKER"}) {
      assertFalse(text.contains(secret), () -> "log file holds " + secret + ":\n" + text);
    }
  }

  private static void stop() {
    ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
  }
}
