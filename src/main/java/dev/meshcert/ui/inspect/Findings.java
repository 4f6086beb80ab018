package dev.meshcert.ui.inspect;

import dev.meshcert.core.finding.Finding;
import dev.meshcert.core.finding.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Highlights that findings call for. */
final class Findings {
  private Findings() {}

  /** {@link Mark#ERROR} when any finding is an error, {@link Mark#WARNING} for warnings. */
  static Set<Mark> marks(List<Finding> findings) {
    Set<Mark> marks = EnumSet.noneOf(Mark.class);
    for (Finding f : findings) {
      if (f.severity() == Severity.ERROR) {
        marks.add(Mark.ERROR);
      } else if (f.severity() == Severity.WARNING) {
        marks.add(Mark.WARNING);
      }
    }
    return marks;
  }
}
