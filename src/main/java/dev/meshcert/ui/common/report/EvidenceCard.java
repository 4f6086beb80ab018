package dev.meshcert.ui.common.report;

import dev.meshcert.ui.common.Icons;
import dev.meshcert.ui.common.Styles;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

/**
 * An {@link Evidence} card drawn as JavaFX nodes (style classes {@code evidence-*}, pseudo-class
 * for the tone), and its picture: the card rendered off screen with the window's style, at twice
 * the pixel density so it stays sharp when pasted on a HiDPI screen. Use on the FX thread.
 */
public final class EvidenceCard {
  private EvidenceCard() {}

  /** Pixels per point in the picture. */
  public static final double SCALE = 2;

  /** The card; redact the evidence first. */
  public static VBox node(Evidence e) {
    Label title = new Label(e.title(), toneIcon(e.tone()).node());
    title.getStyleClass().add("evidence-title");
    title.setWrapText(true);
    Label status = new Label(e.status());
    status.getStyleClass().add("evidence-status");
    status.pseudoClassStateChanged(tone(e.tone()), true);
    GridPane facts = new GridPane();
    facts.getStyleClass().add("evidence-facts");
    int row = 0;
    for (Evidence.Fact f : e.facts()) {
      Label label = new Label(f.label());
      label.getStyleClass().add("evidence-label");
      Label value = new Label(f.value());
      value.getStyleClass().add("evidence-value");
      value.setWrapText(true);
      value.setMaxWidth(620);
      facts.addRow(row++, label, value);
    }
    VBox card = new VBox(title, status, facts);
    card.getStyleClass().add("evidence-card");
    card.pseudoClassStateChanged(tone(e.tone()), true);
    for (Evidence.Point p : e.findings()) {
      Label line = new Label(p.text(), toneIcon(p.tone()).node());
      line.getStyleClass().add("evidence-finding");
      line.pseudoClassStateChanged(tone(p.tone()), true);
      line.setWrapText(true);
      card.getChildren().add(line);
    }
    if (!e.command().isBlank()) {
      Label command = new Label("$ " + e.command());
      command.getStyleClass().addAll("evidence-command", "monospace");
      command.setWrapText(true);
      card.getChildren().add(command);
    }
    e.excerpt()
        .ifPresent(
            x -> {
              Label label = new Label(x.label());
              label.getStyleClass().add("evidence-label");
              Label text = new Label(x.text().strip());
              text.getStyleClass().addAll("evidence-excerpt", "monospace");
              text.setWrapText(true);
              card.getChildren().addAll(label, text);
            });
    Label footer = new Label("MeshCert Inspector \u00b7 " + EvidenceMarkdown.UTC.format(e.at()));
    footer.getStyleClass().add("evidence-footer");
    card.getChildren().add(footer);
    card.setMaxWidth(860);
    return card;
  }

  /**
   * The picture of a card, drawn in a scene of its own.
   *
   * @param rootClasses the style classes of the window's root (theme, zoom), so it looks the same
   */
  public static WritableImage picture(Node card, List<String> rootClasses) {
    StackPane root = new StackPane(card);
    root.setPadding(new Insets(12));
    root.getStyleClass().addAll(rootClasses);
    root.getStyleClass().add("evidence-backdrop");
    Scene scene = new Scene(root);
    scene.getStylesheets().add(Styles.stylesheet());
    root.applyCss();
    root.layout();
    root.resize(root.prefWidth(-1), root.prefHeight(root.prefWidth(-1)));
    root.layout();
    SnapshotParameters params = new SnapshotParameters();
    params.setTransform(Transform.scale(SCALE, SCALE));
    params.setFill(Color.TRANSPARENT);
    return root.snapshot(params, null);
  }

  private static Icons toneIcon(Evidence.Tone tone) {
    return switch (tone) {
      case OK -> Icons.VALID;
      case WARNING -> Icons.EXPIRING;
      case ERROR -> Icons.EXPIRED;
    };
  }

  private static PseudoClass tone(Evidence.Tone tone) {
    return PseudoClass.getPseudoClass(tone.name().toLowerCase(Locale.ROOT));
  }
}
