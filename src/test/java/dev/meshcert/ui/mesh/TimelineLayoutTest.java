package dev.meshcert.ui.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimelineLayoutTest {

  private final TimelineLayout layout = new TimelineLayout(20, 30, 300);

  @Test
  void rowUnderThePointerCountsTheScrolledRows() {
    assertEquals(52, layout.rowAt(30 + 5, 1040, 5000));
  }

  @Test
  void headerIsNoRow() {
    assertEquals(-1, layout.rowAt(10, 0, 5000));
  }

  @Test
  void belowTheLastRowIsNoRow() {
    assertEquals(-1, layout.rowAt(30 + 20 * 3 + 1, 0, 3));
  }

  @Test
  void onlyTheRowsOfTheViewportAreDrawn() {
    // 400 px high: 370 px of rows, scrolled to row 100
    assertEquals(100, layout.firstVisible(2000));
    assertEquals(119, layout.endVisible(2000, 400, 5000));
  }

  @Test
  void visibleRowsStopAtTheLastRow() {
    assertEquals(3, layout.endVisible(0, 800, 3));
  }

  @Test
  void tickSpacingKeepsLabelsApart() {
    // 48 hours over 960 px: 3 minutes a pixel, 90 px needs at least 270 minutes
    assertEquals(Duration.ofHours(6), TimelineLayout.tick(Duration.ofHours(48), 960, 90));
  }
}
