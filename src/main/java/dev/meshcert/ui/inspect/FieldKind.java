package dev.meshcert.ui.inspect;

/** How a field's value is shown. */
public enum FieldKind {
  /** One line of selectable text. */
  TEXT,
  /** Several lines, wrapped. */
  LINES,
  /** A block of monospaced text (PEM, text view, hex). */
  BLOCK,
  /** A share of the lifetime: a bar plus the value as text. */
  ELAPSED
}
