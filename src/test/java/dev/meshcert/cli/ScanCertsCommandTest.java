package dev.meshcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code meshcert scan --certs} on the demo mesh. */
class ScanCertsCommandTest {

  @Test
  void certsAddTheChainsAndFindingsOfTheScannedPods() {
    CliRun run = CliRun.run("scan", "--demo", "-n", "bookinfo", "--certs");

    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.out().contains("Certificates of demo"), run.out());
    assertTrue(
        run.out()
            .contains("identity spiffe://cluster.local/ns/bookinfo/sa/bookinfo-reviews: MISMATCH"),
        run.out());
    assertTrue(run.out().contains("the proxy holds ANOTHER root than the mesh's"), run.out());
  }

  @Test
  void certsWithJsonIsRefused() {
    CliRun run = CliRun.run("scan", "--demo", "--json", "--certs");

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("snapshot save"), run.err());
  }

  @Test
  void withoutCertsNoPodIsPulled() {
    CliRun run = CliRun.run("scan", "--demo", "-n", "bookinfo");

    assertFalse(run.out().contains("Certificates of"), run.out());
    assertTrue(run.out().contains("productpage-v1-6b746f74dc-9stvs"), run.out());
  }
}
