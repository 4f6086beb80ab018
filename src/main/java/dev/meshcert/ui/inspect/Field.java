package dev.meshcert.ui.inspect;

import java.util.Optional;
import java.util.Set;

/**
 * One labelled value in the details pane.
 *
 * @param label what it is
 * @param value the value as shown and copied
 * @param kind how it is shown
 * @param marks highlights
 * @param fraction for {@link FieldKind#ELAPSED}: the share between 0 and 1
 */
public record Field(
    String label, String value, FieldKind kind, Set<Mark> marks, Optional<Double> fraction) {

  public Field {
    marks = Set.copyOf(marks);
  }

  public static Field text(String label, String value) {
    return new Field(label, value, FieldKind.TEXT, Set.of(), Optional.empty());
  }

  public static Field lines(String label, String value) {
    return new Field(label, value, FieldKind.LINES, Set.of(), Optional.empty());
  }

  public static Field block(String label, String value) {
    return new Field(label, value, FieldKind.BLOCK, Set.of(), Optional.empty());
  }

  /** The same field with these highlights. */
  public Field marked(Set<Mark> newMarks) {
    return new Field(label, value, kind, newMarks, fraction);
  }
}
