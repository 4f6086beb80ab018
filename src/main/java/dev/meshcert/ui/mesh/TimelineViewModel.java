package dev.meshcert.ui.mesh;

import dev.meshcert.core.cert.Pem;
import dev.meshcert.mesh.timeline.TimeScale;
import dev.meshcert.mesh.timeline.Timeline;
import dev.meshcert.mesh.timeline.TimelineBar;
import dev.meshcert.ui.common.Messages;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The expiry timeline's state: the bars shown (after the filter), the time range in view, and the
 * commands to zoom and to open a certificate. Use on the FX thread.
 */
public final class TimelineViewModel {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final double ZOOM = 0.5;

  private final CertificateOpener opener;
  private final Messages messages;
  private Timeline full = Timeline.empty(Instant.EPOCH);
  private final ReadOnlyObjectWrapper<Timeline> shown =
      new ReadOnlyObjectWrapper<>(Timeline.empty(Instant.EPOCH));
  private final ObjectProperty<TimeScale.Range> range =
      new SimpleObjectProperty<>(Timeline.empty(Instant.EPOCH).whole());
  private final ObjectProperty<BarFilter> filter = new SimpleObjectProperty<>(BarFilter.ALL);
  private final StringProperty text = new SimpleStringProperty("");

  public TimelineViewModel(CertificateOpener opener, Messages messages) {
    this.opener = opener;
    this.messages = messages;
    filter.addListener((o, a, b) -> apply());
    text.addListener((o, a, b) -> apply());
  }

  /** The bars shown, soonest expiry first. */
  public ReadOnlyObjectProperty<Timeline> timelineProperty() {
    return shown.getReadOnlyProperty();
  }

  /** The time range in view; the view sets it when the user pans. */
  public ObjectProperty<TimeScale.Range> rangeProperty() {
    return range;
  }

  /** Which bars are shown. */
  public ObjectProperty<BarFilter> filterProperty() {
    return filter;
  }

  /** Shows only bars whose label or certificate name contains this text (any case). */
  public StringProperty textProperty() {
    return text;
  }

  /** Shows {@code timeline}, in the window that shows its leaves well. */
  public void set(Timeline timeline) {
    full = timeline;
    apply();
    range.set(timeline.leafWindow());
  }

  /** Shows the window around now that fits the longest workload certificate. */
  public void fitLeaves() {
    range.set(full.leafWindow());
  }

  /** Shows every certificate from the earliest start to the latest end. */
  public void fitAll() {
    range.set(full.whole());
  }

  /** Halves the range, around now when it is in view. */
  public void zoomIn() {
    range.set(range.get().zoom(centre(), ZOOM));
  }

  /** Doubles the range. */
  public void zoomOut() {
    range.set(range.get().zoom(centre(), 1 / ZOOM));
  }

  /** Opens the certificate of {@code bar} in the Inspect screen. */
  public void open(TimelineBar bar) {
    opener.open(messages.get("mesh.open.name", bar.label()), Pem.encode(bar.certificate().der()));
  }

  /** Tooltip text for {@code bar}: what, whose, validity, rotation, state. */
  public String describe(TimelineBar bar) {
    return messages.get(
        "mesh.bar.tooltip",
        bar.certificate().displayName(),
        bar.role().name().toLowerCase(Locale.ROOT),
        String.join(", ", bar.workloads().stream().limit(5).toList())
            + (bar.workloads().size() > 5 ? " …" : ""),
        TIME.format(bar.notBefore()),
        TIME.format(bar.notAfter()),
        TIME.format(bar.rotateAt()),
        bar.rotationRule(),
        bar.status().phrase());
  }

  private Instant centre() {
    Instant now = full.now();
    TimeScale.Range r = range.get();
    if (!now.isBefore(r.from()) && !now.isAfter(r.to())) {
      return now;
    }
    return r.from().plus(r.length().dividedBy(2));
  }

  private void apply() {
    String needle = text.get().strip().toLowerCase(Locale.ROOT);
    BarFilter f = filter.get();
    shown.set(
        full.filter(
            b ->
                f.shows(b, full.now())
                    && (needle.isEmpty()
                        || b.label().toLowerCase(Locale.ROOT).contains(needle)
                        || b.certificate()
                            .displayName()
                            .toLowerCase(Locale.ROOT)
                            .contains(needle))));
  }
}
