package dev.meshcert.ui.shell;

import dev.meshcert.core.redact.Redaction;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.Problem;
import dev.meshcert.ui.common.Screen;
import dev.meshcert.ui.common.TaskSpec;
import dev.meshcert.ui.common.report.Evidence;
import dev.meshcert.ui.common.report.EvidenceCard;
import dev.meshcert.ui.common.report.EvidenceMarkdown;
import dev.meshcert.ui.common.report.Report;
import dev.meshcert.ui.common.report.ReportHtml;
import dev.meshcert.ui.common.report.ReportMarkdown;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Transform;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/**
 * Evidence cards, reports and pictures of the selected screen. Everything leaves through the
 * redaction policy in force: Markdown and HTML are rendered from redacted data, pictures are taken
 * of redacted nodes. Files are written on the task runner. FX thread only.
 */
public final class ReportActions {

  private final Supplier<Screen> screen;
  private final Parent windowRoot;
  private final ShellServices services;
  private final Messages messages;
  private final Notifier notifier;

  ReportActions(
      Supplier<Screen> screen,
      Parent windowRoot,
      ShellServices services,
      Messages messages,
      Notifier notifier) {
    this.screen = screen;
    this.windowRoot = windowRoot;
    this.services = services;
    this.messages = messages;
    this.notifier = notifier;
  }

  /** The selected screen's evidence card as Markdown, redacted. */
  public Optional<String> evidenceMarkdown() {
    return evidence().map(e -> EvidenceMarkdown.render(e, 3));
  }

  /** The selected screen's evidence card as a picture, redacted. */
  public Optional<WritableImage> evidenceImage() {
    return evidenceCard()
        .map(
            card ->
                EvidenceCard.picture(
                    card, List.copyOf(windowRoot.getScene() == null ? List.of() : rootClasses())));
  }

  /** The card the picture is drawn from, made of redacted text. */
  Optional<VBox> evidenceCard() {
    return evidence().map(EvidenceCard::node);
  }

  /** The selected screen's report, redacted. */
  public Optional<Report> report() {
    Redaction policy = services.redactor().policy();
    return screen.get().report().map(r -> r.redacted(policy));
  }

  void copyEvidenceMarkdown() {
    Optional<String> md = evidenceMarkdown();
    if (md.isEmpty()) {
      nothingSelected();
      return;
    }
    services.clipboard().putText(md.get());
    notifier.info(messages.get("notice.copied"), messages.get("notice.evidence.markdown"));
  }

  void copyEvidenceImage() {
    Optional<WritableImage> image = evidenceImage();
    if (image.isEmpty()) {
      nothingSelected();
      return;
    }
    ClipboardContent content = new ClipboardContent();
    content.putImage(image.get());
    evidenceMarkdown().ifPresent(content::putString);
    Clipboard.getSystemClipboard().setContent(content);
    notifier.info(messages.get("notice.copied"), messages.get("notice.evidence.image"));
  }

  void exportReport() {
    Optional<Report> report = report();
    if (report.isEmpty()) {
      notifier.info(messages.get("notice.nothing"), messages.get("notice.nothing.report"));
      return;
    }
    services
        .dialogs()
        .chooseSaveFile(
            messages.get("export.report.title"), "meshcert-report.html", List.of("html", "md"))
        .ifPresent(file -> writeReport(report.get(), file));
  }

  void saveWindowImage() {
    services
        .dialogs()
        .chooseSaveFile(messages.get("export.window.title"), "meshcert-window.png", List.of("png"))
        .ifPresent(this::writeWindowImage);
  }

  /** Writes the report as HTML, or Markdown when the file name ends in .md. */
  public void writeReport(Report report, Path file) {
    boolean markdown = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md");
    String text = markdown ? ReportMarkdown.render(report) : ReportHtml.render(report);
    write(file, () -> Files.writeString(file, text, StandardCharsets.UTF_8));
  }

  /** Writes a PNG of the whole window at the screen's pixel density. */
  public void writeWindowImage(Path file) {
    SnapshotParameters params = new SnapshotParameters();
    double scale = window().map(Window::getOutputScaleX).orElse(1.0);
    params.setTransform(Transform.scale(scale, scale));
    BufferedImage image = SwingFXUtils.fromFXImage(windowRoot.snapshot(params, null), null);
    write(file, () -> ImageIO.write(image, "png", file.toFile()));
  }

  private interface Writing {
    Object run() throws IOException;
  }

  private void write(Path file, Writing writing) {
    services
        .runner()
        .run(
            TaskSpec.<Object>of(
                    messages.get("status.writing", file.getFileName()), p -> writing.run())
                .onSuccess(r -> notifier.info(messages.get("notice.saved"), file.toString()))
                .onFailure(
                    e ->
                        services
                            .dialogs()
                            .showProblem(
                                new Problem(
                                    messages.get("problem.write.title"),
                                    messages.get("problem.write.what", file, e.getMessage()),
                                    List.of(messages.get("problem.write.cause1")),
                                    List.of(messages.get("problem.write.try1")),
                                    Optional.of(e.toString())))));
  }

  private void nothingSelected() {
    notifier.info(messages.get("notice.nothing"), messages.get("notice.nothing.evidence"));
  }

  private Optional<Evidence> evidence() {
    Redaction policy = services.redactor().policy();
    return screen.get().evidence().map(e -> e.redacted(policy));
  }

  private List<String> rootClasses() {
    return windowRoot.getScene().getRoot().getStyleClass().stream()
        .filter(c -> c.startsWith("theme-") || c.startsWith("zoom-") || c.equals("presentation"))
        .toList();
  }

  private Optional<Window> window() {
    return Optional.ofNullable(windowRoot.getScene()).map(s -> s.getWindow());
  }
}
