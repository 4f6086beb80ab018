package dev.meshcert.ui.inspect;

import java.util.List;
import java.util.Set;

/**
 * What the details pane shows for the selected node.
 *
 * @param title the headline
 * @param subtitle a line under it
 * @param marks highlights of the headline
 * @param groups the field groups
 */
public record Details(String title, String subtitle, Set<Mark> marks, List<FieldGroup> groups) {

  public Details {
    marks = Set.copyOf(marks);
    groups = List.copyOf(groups);
  }

  /** Nothing selected. */
  public static final Details NONE = new Details("", "", Set.of(), List.of());
}
