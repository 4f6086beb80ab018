package dev.meshcert.ui.shell;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** Short notices in the corner of the main window (ControlsFX notifications). FX thread only. */
final class Notifier {

  private final Supplier<Optional<Window>> owner;

  Notifier(Supplier<Optional<Window>> owner) {
    this.owner = owner;
  }

  /** Shows a notice that goes away by itself. */
  void info(String title, String text) {
    Optional<Window> w = owner.get();
    if (w.isEmpty() || !w.get().isShowing()) {
      return;
    }
    Notifications.create()
        .owner(w.get())
        .title(title)
        .text(text)
        .position(Pos.BOTTOM_RIGHT)
        .hideAfter(Duration.seconds(5))
        .showInformation();
  }
}
