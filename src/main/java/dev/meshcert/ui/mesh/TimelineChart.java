package dev.meshcert.ui.mesh;

import dev.meshcert.core.expiry.ExpiryState;
import dev.meshcert.mesh.timeline.TimeScale;
import dev.meshcert.mesh.timeline.Timeline;
import dev.meshcert.mesh.timeline.TimelineBar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.TextAlignment;

/**
 * The expiry timeline: one row per certificate, its validity as a bar coloured by state, the
 * "expiring" part shaded, the expected rotation point marked, a "now" line across. Drawn on one
 * canvas the size of the viewport: only visible rows are drawn, so thousands of bars cost what a
 * screenful does. Click a row to open its certificate; drag to pan, Ctrl+wheel to zoom.
 */
public final class TimelineChart extends Region {

  private static final double MIN_TICK_PIXELS = 90;

  private final TimelineLayout layout = TimelineLayout.DEFAULT;
  private final Canvas canvas = new Canvas();
  private final ScrollBar scroll = new ScrollBar();
  private final Tooltip tooltip = new Tooltip();
  private final TimelinePalette palette = new TimelinePalette(this);
  private final ObjectProperty<Timeline> timeline =
      new SimpleObjectProperty<>(Timeline.empty(Instant.EPOCH));
  private final ObjectProperty<TimeScale.Range> range =
      new SimpleObjectProperty<>(Timeline.empty(Instant.EPOCH).whole());
  private Consumer<TimelineBar> onOpen = b -> {};
  private Function<TimelineBar, String> describe = TimelineBar::label;
  private UnaryOperator<String> redact = UnaryOperator.identity();
  private double dragX = Double.NaN;
  private TimeScale.Range dragRange;

  public TimelineChart() {
    getStyleClass().add("timeline-chart");
    setId("timeline-chart");
    scroll.setOrientation(Orientation.VERTICAL);
    getChildren().addAll(canvas, scroll);
    getChildren().addAll(palette.swatches());
    timeline.addListener((o, a, b) -> requestLayout());
    range.addListener((o, a, b) -> draw());
    scroll.valueProperty().addListener((o, a, b) -> draw());
    canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
    canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
    canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
    canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
    canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
    Tooltip.install(canvas, tooltip);
    setMinSize(200, 120);
  }

  /** The bars to draw. */
  public ObjectProperty<Timeline> timelineProperty() {
    return timeline;
  }

  /** The time range in view; panning and zooming set it. */
  public ObjectProperty<TimeScale.Range> rangeProperty() {
    return range;
  }

  /** What a click on a row does. */
  public void setOnOpen(Consumer<TimelineBar> action) {
    this.onOpen = action;
  }

  /** The tooltip text of a bar. */
  public void setDescribe(Function<TimelineBar, String> describe) {
    this.describe = describe;
  }

  /**
   * What text drawn on the canvas goes through before it is painted (the window's redaction: a
   * canvas holds no text nodes for the screen guard to mask). Call {@link #redraw()} when it
   * changes its mind.
   */
  public void setRedact(UnaryOperator<String> redact) {
    this.redact = redact;
    draw();
  }

  /** Draws again, for example after the redaction switch moved. */
  public void redraw() {
    draw();
  }

  /** The bar drawn at {@code y} in this chart's coordinates, or null. */
  public TimelineBar barAt(double y) {
    List<TimelineBar> bars = timeline.get().bars();
    int row = layout.rowAt(y, scroll.getValue(), bars.size());
    return row < 0 ? null : bars.get(row);
  }

  /** The y of the middle of row {@code row}, for tests and keyboard focus. */
  public double rowCentre(int row) {
    return layout.rowTop(row, scroll.getValue()) + layout.rowHeight() / 2;
  }

  @Override
  protected void layoutChildren() {
    double w = getWidth();
    double h = getHeight();
    double sw = scroll.prefWidth(-1);
    scroll.resizeRelocate(
        w - sw, layout.headerHeight(), sw, Math.max(0, h - layout.headerHeight()));
    canvas.setWidth(Math.max(0, w - sw));
    canvas.setHeight(h);
    double content = layout.contentHeight(timeline.get().bars().size());
    double visible = Math.max(1, h - layout.headerHeight());
    scroll.setMax(Math.max(0, content - visible));
    scroll.setVisibleAmount(visible);
    scroll.setUnitIncrement(layout.rowHeight());
    scroll.setBlockIncrement(visible);
    if (scroll.getValue() > scroll.getMax()) {
      scroll.setValue(scroll.getMax());
    }
    draw();
  }

  private TimeScale scale() {
    return new TimeScale(range.get(), Math.max(1, canvas.getWidth() - layout.labelWidth()));
  }

  private void draw() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    g.setFill(palette.background());
    g.fillRect(0, 0, w, h);
    if (w <= layout.labelWidth() + 2) {
      return;
    }
    TimeScale scale = scale();
    double top = scroll.getValue();
    List<TimelineBar> bars = timeline.get().bars();
    int end = layout.endVisible(top, h, bars.size());
    for (int row = layout.firstVisible(top); row < end; row++) {
      drawRow(g, scale, bars.get(row), layout.rowTop(row, top), row);
    }
    drawAxis(g, scale, w, h);
  }

  private void drawRow(GraphicsContext g, TimeScale scale, TimelineBar bar, double y, int row) {
    double lw = layout.labelWidth();
    double rh = layout.rowHeight();
    if (row % 2 == 1) {
      g.setFill(palette.stripe());
      g.fillRect(0, y, canvas.getWidth(), rh);
    }
    g.setFill(palette.text());
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    g.save();
    g.beginPath();
    g.rect(0, y, lw - 6, rh);
    g.clip();
    g.fillText(redact.apply(bar.label()), 4, y + rh / 2);
    g.restore();
    double x0 = lw + scale.clampedX(bar.notBefore());
    double x1 = lw + scale.clampedX(bar.notAfter());
    double xe = lw + scale.clampedX(bar.expiringFrom());
    g.save();
    g.beginPath();
    g.rect(lw, y, canvas.getWidth() - lw, rh);
    g.clip();
    g.setFill(palette.bar(bar.status().state(), bar.role()));
    g.fillRect(x0, y + 4, Math.max(1.5, x1 - x0), rh - 8);
    if (bar.status().state() == ExpiryState.VALID || bar.status().state() == ExpiryState.EXPIRING) {
      g.setFill(palette.expiringShade());
      g.fillRect(xe, y + 4, Math.max(0, x1 - xe), rh - 8);
    }
    double xr = lw + scale.clampedX(bar.rotateAt());
    g.setStroke(palette.rotation());
    g.setLineWidth(2);
    g.strokeLine(xr, y + 2, xr, y + rh - 2);
    g.restore();
  }

  private void drawAxis(GraphicsContext g, TimeScale scale, double w, double h) {
    double lw = layout.labelWidth();
    double hh = layout.headerHeight();
    g.setFill(palette.background());
    g.fillRect(0, 0, w, hh);
    g.setStroke(palette.rule());
    g.setLineWidth(1);
    g.strokeLine(0, hh - 0.5, w, hh - 0.5);
    g.strokeLine(lw - 0.5, 0, lw - 0.5, h);
    Duration tick = TimelineLayout.tick(range.get().length(), scale.width(), MIN_TICK_PIXELS);
    DateTimeFormatter format =
        DateTimeFormatter.ofPattern(tick.toHours() >= 24 ? "uuuu-MM-dd" : "MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    long step = tick.toMillis();
    long first = Math.floorDiv(range.get().from().toEpochMilli(), step) * step + step;
    g.setFill(palette.muted());
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    for (long t = first; t < range.get().to().toEpochMilli(); t += step) {
      double x = lw + scale.x(Instant.ofEpochMilli(t));
      g.setStroke(palette.rule());
      g.strokeLine(x, hh - 6, x, h);
      g.fillText(format.format(Instant.ofEpochMilli(t)), x, hh / 2);
    }
    double now = scale.x(timeline.get().now());
    if (now >= 0 && now <= scale.width()) {
      g.setStroke(palette.now());
      g.setLineWidth(2);
      g.strokeLine(lw + now, 0, lw + now, h);
    }
  }

  private void clicked(MouseEvent e) {
    if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
      TimelineBar bar = barAt(e.getY());
      if (bar != null) {
        onOpen.accept(bar);
      }
    }
  }

  private void pressed(MouseEvent e) {
    dragX = e.getX();
    dragRange = range.get();
  }

  private void dragged(MouseEvent e) {
    if (Double.isNaN(dragX) || dragX < layout.labelWidth()) {
      return;
    }
    TimeScale scale = new TimeScale(dragRange, scale().width());
    long millis = Math.round((dragX - e.getX()) / scale.width() * dragRange.length().toMillis());
    range.set(dragRange.shift(Duration.ofMillis(millis)));
  }

  private void moved(MouseEvent e) {
    TimelineBar bar = barAt(e.getY());
    tooltip.setText(bar == null ? "" : describe.apply(bar));
    if (bar == null) {
      tooltip.hide();
    }
  }

  private void scrolled(ScrollEvent e) {
    if (e.isControlDown() && e.getX() > layout.labelWidth()) {
      Instant at = scale().at(e.getX() - layout.labelWidth());
      range.set(range.get().zoom(at, e.getDeltaY() > 0 ? 0.8 : 1.25));
    } else {
      scroll.setValue(Math.max(0, Math.min(scroll.getMax(), scroll.getValue() - e.getDeltaY())));
    }
    e.consume();
  }
}
