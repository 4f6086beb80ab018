package dev.meshcert.cli;

import dev.meshcert.probe.ProbeMatrix;
import dev.meshcert.probe.ProbeResult;
import java.io.PrintWriter;

/**
 * The probe's results as text: each experiment's outcome, why, its transcript, how to repeat it.
 */
final class ProbeText {
  private ProbeText() {}

  static void write(ProbeMatrix.Result result, PrintWriter out) {
    int n = 1;
    for (ProbeResult r : result.results()) {
      out.println(n++ + ". " + r.experiment().label() + ": " + r.outcome().title());
      out.println("   " + r.outcome().explanation());
      out.println();
      out.print(r.transcriptText().indent(3));
      out.println();
      out.println("   Repeat by hand:");
      out.print(r.reproduce().indent(5));
      out.println();
    }
    out.println("Verdict: " + result.verdict().title());
  }
}
