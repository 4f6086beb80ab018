package dev.meshcert.ui.inspect;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A titled group of fields.
 *
 * @param title shown above the fields
 * @param fields in order
 */
public record FieldGroup(String title, List<Field> fields) {

  public FieldGroup {
    fields = List.copyOf(fields);
  }

  /** "label: value" lines, for copying the whole group. */
  public String asText() {
    return fields.stream()
        .map(
            f ->
                f.value().contains("\n")
                    ? f.label() + ":\n" + f.value()
                    : f.label() + ": " + f.value())
        .collect(Collectors.joining("\n"));
  }
}
