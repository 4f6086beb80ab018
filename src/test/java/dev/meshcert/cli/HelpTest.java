package dev.meshcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The top-level help lists every command with a whole sentence, not a line cut mid-phrase. */
class HelpTest {

  @Test
  void everyCommandIsSummedUpInOneWholeSentence() {
    CliRun run = CliRun.run("--help");

    assertEquals(0, run.exitCode());
    // "  name   summary" starts an entry; deeper-indented lines continue its summary.
    List<String> entries = new ArrayList<>();
    run.out()
        .lines()
        .dropWhile(l -> !l.startsWith("Commands:"))
        .skip(1)
        .forEach(
            l -> {
              if (l.matches("^  \\S.*")) {
                entries.add(l.trim());
              } else if (!entries.isEmpty() && !l.isBlank()) {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + l.trim());
              }
            });
    assertEquals(5, entries.size(), run.out());
    for (String entry : entries) {
      assertTrue(entry.endsWith("."), entry);
    }
  }
}
