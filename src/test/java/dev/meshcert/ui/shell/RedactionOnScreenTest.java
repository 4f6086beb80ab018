package dev.meshcert.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.app.GuiComposition;
import dev.meshcert.probe.LoopbackServer;
import dev.meshcert.testpki.TestPki;
import dev.meshcert.ui.probe.ProbeRequest;
import dev.meshcert.ui.probe.ProbeViewModel;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * With the redaction switch on, no serial, fingerprint, PEM body, private key or (with names
 * hidden) namespace is left in any text of any window, nor in what is copied.
 */
@ExtendWith(ApplicationExtension.class)
class RedactionOnScreenTest {

  static final BigInteger SERIAL = new BigInteger("7a3f9c2e41d85b06e1f2a3b4c5d6e7f8", 16);

  @TempDir Path dir;
  GuiComposition app;

  final TestPki pki = new TestPki();
  final TestPki.Issued root = pki.root("CN=Shop Root").issue();
  final TestPki.Issued leaf =
      pki.leaf(root)
          .serial(SERIAL)
          .uriSan("spiffe://cluster.local/ns/payments/sa/ledger")
          .dnsSan("ledger.payments.svc.cluster.local")
          .issue();

  @Start
  void start(Stage stage) {
    app = new GuiComposition(TestPki.CLOCK);
    app.start(stage, List.of());
  }

  @AfterEach
  void close(FxRobot robot) {
    robot.interact(app::close);
  }

  @Test
  void switchOnLeavesNothingSensitiveOnScreen(FxRobot robot) throws Exception {
    showLeafDetails(robot);
    assertTrue(leaks().contains(serialHex()), "precondition: the serial is on screen unredacted");

    robot.interact(
        () -> {
          app.redactor().enabledProperty().set(true);
          app.redactor().namesProperty().set(true);
        });

    waitFor(() -> leaks().isEmpty());
    assertEquals(List.of(), leaks());
  }

  @Test
  void switchOffShowsTheValuesAgain(FxRobot robot) throws Exception {
    showLeafDetails(robot);
    robot.interact(() -> app.redactor().enabledProperty().set(true));
    waitFor(() -> !leaks().contains(serialHex()));

    robot.interact(() -> app.redactor().enabledProperty().set(false));

    waitFor(() -> leaks().contains(serialHex()));
  }

  @Test
  void copiedPemAndSummaryAreRedacted(FxRobot robot) throws Exception {
    showLeafDetails(robot);
    robot.interact(
        () -> {
          app.redactor().enabledProperty().set(true);
          app.redactor().namesProperty().set(true);
        });

    robot.interact(() -> app.inspect().model().copySelectedPem());
    String pem = onFx(() -> Clipboard.getSystemClipboard().getString());
    robot.interact(() -> robot.lookup("#inspect-tree").query().requestFocus());
    robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    String summary = onFx(() -> Clipboard.getSystemClipboard().getString());

    assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----"), pem);
    assertEquals(List.of(), found(List.of(pem, summary)));
  }

  @Test
  void probeResultOnScreenAndItsEvidenceCardAreRedacted(FxRobot robot) throws Exception {
    try (LoopbackServer server =
        new LoopbackServer(LoopbackServer.Mode.TLS_NO_CLIENT_AUTH, leaf, List.of(root), root)) {
      ProbeViewModel probe = app.probe().model();
      robot.interact(
          () -> {
            app.window().select(app.probe());
            probe.routeProperty().set(ProbeRequest.Route.DESKTOP);
            probe.identityProperty().set(ProbeRequest.IdentityKind.NONE);
            probe.targetProperty().set("localhost:" + server.port());
            probe.run();
          });
      waitFor(() -> probe.rows().size() == 3 && !probe.runningProperty().get());
      robot.interact(() -> probe.selectedProperty().set(probe.rows().get(1)));
      String plain = onFx(() -> app.window().reports().evidenceMarkdown().orElseThrow());
      assertTrue(
          found(List.of(plain)).containsAll(List.of(SERIAL.toString(16), "/ns/payments/")),
          "precondition: the card names the peer's serial and namespace unredacted\n" + plain);

      robot.interact(
          () -> {
            app.redactor().enabledProperty().set(true);
            app.redactor().namesProperty().set(true);
          });
      waitFor(() -> leaks().isEmpty());
      String markdown = onFx(() -> app.window().reports().evidenceMarkdown().orElseThrow());
      List<String> picture =
          onFx(() -> labels(app.window().reports().evidenceCard().orElseThrow()));
      robot.interact(probe::copyEvidence);
      String copied = onFx(() -> Clipboard.getSystemClipboard().getString());

      assertEquals(List.of(), leaks());
      assertTrue(markdown.contains("\u2039serial"), markdown);
      assertEquals(List.of(), found(List.of(markdown)));
      assertEquals(List.of(), found(picture));
      assertEquals(List.of(), found(List.of(copied)));
    }
  }

  /** The texts of a card's labels (what its picture shows). */
  private static List<String> labels(javafx.scene.Node node) {
    List<String> out = new ArrayList<>();
    if (node instanceof javafx.scene.control.Labeled l) {
      out.add(l.getText());
    }
    if (node instanceof javafx.scene.Parent p) {
      p.getChildrenUnmodifiable().forEach(c -> out.addAll(labels(c)));
    }
    return out;
  }

  private void showLeafDetails(FxRobot robot) throws IOException {
    Path file =
        Files.writeString(dir.resolve("ledger.pem"), leaf.pem() + root.pem() + leaf.keyPem());
    assertTrue(onFx(() -> app.window().drop(List.of(file), Optional.empty())));
    waitFor(
        () ->
            !app.inspect().model().busyProperty().get()
                && tree(robot).getRoot().getChildren().size() == 1);
    robot.interact(() -> tree(robot).requestFocus());
    robot.type(KeyCode.HOME).type(KeyCode.DOWN, 2);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** The sensitive values found on screen. */
  private List<String> leaks() throws Exception {
    return found(onFx(ScreenTexts::all));
  }

  private List<String> found(List<String> texts) throws Exception {
    String all = String.join("\n", texts);
    String flat = all.replace("\n", "").replace(" ", "");
    List<String> out = new ArrayList<>();
    for (String secret : secrets()) {
      if (all.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT))
          || flat.contains(secret)) {
        out.add(secret);
      }
    }
    return out;
  }

  private List<String> secrets() throws Exception {
    byte[] der = leaf.der();
    String pemBody = leaf.pem().lines().skip(1).findFirst().orElseThrow();
    String keyBody = leaf.keyPem().lines().skip(1).findFirst().orElseThrow();
    byte[] spki = leaf.keyPair().getPublic().getEncoded();
    return List.of(
        serialHex(),
        colon(SERIAL.toString(16)),
        SERIAL.toString(16),
        SERIAL.toString(),
        colon(hex("SHA-256", der)),
        hex("SHA-256", der),
        colon(hex("SHA-1", der)),
        Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki)),
        pemBody,
        keyBody,
        "/ns/payments/",
        "ledger.payments.svc");
  }

  private static String serialHex() {
    return colon(SERIAL.toString(16)).toUpperCase(Locale.ROOT);
  }

  private static String hex(String algorithm, byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
  }

  private static String colon(String hex) {
    String h = hex.length() % 2 == 0 ? hex : "0" + hex;
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < h.length(); i += 2) {
      b.append(i > 0 ? ":" : "").append(h, i, i + 2);
    }
    return b.toString().toUpperCase(Locale.ROOT);
  }

  private static TreeView<?> tree(FxRobot robot) {
    return robot.lookup("#inspect-tree").queryAs(TreeView.class);
  }

  private static <T> T onFx(Callable<T> action) {
    try {
      return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void waitFor(Callable<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    } catch (java.util.concurrent.TimeoutException e) {
      // the assertion after the wait reports what is left
    }
    WaitForAsyncUtils.waitForFxEvents();
  }
}
