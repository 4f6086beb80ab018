package dev.meshcert.mesh.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeScaleTest {

  private static final Instant T0 = Instant.parse("2026-12-04T00:00:00Z");
  private final TimeScale scale =
      new TimeScale(new TimeScale.Range(T0, T0.plus(Duration.ofHours(10))), 1000);

  @Test
  void mapsInstantsLinearlyOntoTheWidth() {
    assertEquals(250.0, scale.x(T0.plus(Duration.ofMinutes(150))), 1e-9);
  }

  @Test
  void mapsPixelsBackToInstants() {
    assertEquals(T0.plus(Duration.ofHours(4)), scale.at(400));
  }

  @Test
  void clampsFarInstantsJustOutsideTheWidth() {
    assertEquals(1001.0, scale.clampedX(T0.plus(Duration.ofDays(3650))), 1e-9);
    assertEquals(-1.0, scale.clampedX(T0.minus(Duration.ofDays(3650))), 1e-9);
  }

  @Test
  void zoomKeepsTheCentreWhereItWas() {
    Instant centre = T0.plus(Duration.ofHours(2));
    TimeScale.Range zoomed = scale.range().zoom(centre, 0.5);

    assertEquals(T0.plus(Duration.ofHours(1)), zoomed.from());
    assertEquals(T0.plus(Duration.ofHours(6)), zoomed.to());
  }

  @Test
  void rangeMustEndAfterItStarts() {
    assertThrows(IllegalArgumentException.class, () -> new TimeScale.Range(T0, T0));
  }
}
