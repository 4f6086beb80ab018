package dev.meshcert.mesh.istioctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TabWriterTest {

  @Test
  void padsEachColumnToItsWidestCellPlusPadding() {
    assertEquals(
        "a     bb  c\naaaa  b   c\n", new TabWriter(0, 2).format("a\tbb\tc\naaaa\tb\tc\n"));
  }

  @Test
  void lastCellOfALineIsNotPadded() {
    assertEquals("x  \ny  z\n", new TabWriter(0, 2).format("x\t\ny\tz\n"));
  }

  @Test
  void shorterLineEndsTheColumnBlock() {
    assertEquals(
        "a    b c\naaaa b\nx    y z\n", new TabWriter(0, 1).format("a\tb\tc\naaaa\tb\nx\ty\tz\n"));
  }

  @Test
  void widthCountsCodePointsNotBytes() {
    assertEquals("é  x\nab x\n", new TabWriter(0, 1).format("é\tx\nab\tx\n"));
  }
}
