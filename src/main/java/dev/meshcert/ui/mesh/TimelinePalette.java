package dev.meshcert.ui.mesh;

import dev.meshcert.core.expiry.ExpiryState;
import dev.meshcert.mesh.timeline.TimelineBar;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The timeline's colours, taken from the style sheet so themes apply to the canvas too: each colour
 * is the background of an invisible swatch styled {@code .timeline-swatch.timeline-<name>} (see
 * meshcert.css), with a fallback when the sheet does not style it.
 */
final class TimelinePalette {

  private enum Swatch {
    BACKGROUND(Color.WHITE),
    STRIPE(Color.web("#f6f8fa")),
    TEXT(Color.web("#1f2933")),
    MUTED(Color.web("#5f6b76")),
    RULE(Color.web("#d5dde5")),
    NOW(Color.web("#c62828")),
    ROTATION(Color.web("#263238")),
    EXPIRING_SHADE(Color.web("#b45309", 0.45)),
    VALID(Color.web("#2e7d32")),
    AUTHORITY(Color.web("#1565c0")),
    EXPIRING(Color.web("#b45309")),
    EXPIRED(Color.web("#c62828")),
    NOT_YET_VALID(Color.web("#7b1fa2"));

    final Color fallback;

    Swatch(Color fallback) {
      this.fallback = fallback;
    }

    String styleClass() {
      return "timeline-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final Map<Swatch, Region> swatches = new EnumMap<>(Swatch.class);

  TimelinePalette(Region owner) {
    for (Swatch s : Swatch.values()) {
      Region r = new Region();
      r.getStyleClass().addAll("timeline-swatch", s.styleClass());
      r.setManaged(false);
      r.setVisible(false);
      swatches.put(s, r);
    }
  }

  List<Node> swatches() {
    return List.copyOf(swatches.values());
  }

  private Paint paint(Swatch s) {
    Region r = swatches.get(s);
    if (r.getBackground() == null || r.getBackground().getFills().isEmpty()) {
      return s.fallback;
    }
    return r.getBackground().getFills().get(0).getFill();
  }

  Paint background() {
    return paint(Swatch.BACKGROUND);
  }

  Paint stripe() {
    return paint(Swatch.STRIPE);
  }

  Paint text() {
    return paint(Swatch.TEXT);
  }

  Paint muted() {
    return paint(Swatch.MUTED);
  }

  Paint rule() {
    return paint(Swatch.RULE);
  }

  Paint now() {
    return paint(Swatch.NOW);
  }

  Paint rotation() {
    return paint(Swatch.ROTATION);
  }

  Paint expiringShade() {
    return paint(Swatch.EXPIRING_SHADE);
  }

  Paint bar(ExpiryState state, TimelineBar.Role role) {
    return switch (state) {
      case EXPIRED -> paint(Swatch.EXPIRED);
      case EXPIRING -> paint(Swatch.EXPIRING);
      case NOT_YET_VALID -> paint(Swatch.NOT_YET_VALID);
      case VALID -> paint(role == TimelineBar.Role.LEAF ? Swatch.VALID : Swatch.AUTHORITY);
    };
  }
}
