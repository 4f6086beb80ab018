package dev.meshcert.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.KubeObjects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An istioctl bug-report's cluster YAML ({@link KubeObjects}) is read through {@code SafeYaml}:
 * alias bombs and deep nesting end in a problem naming the limit, and a one-line value of megabytes
 * (a Secret written in full) is read whole without SnakeYAML's quadratic look-ahead copying. The
 * hostile inputs also run through the fuzz runner's CPU-time watchdog (5 s per call).
 */
class KubeObjectsYamlTest {

  private static final FuzzRunner.Config WATCHDOG =
      new FuzzRunner.Config(
          0, 0, -1, Duration.ofSeconds(5), Duration.ZERO, Path.of("target", "fuzz", "kube"));

  /** Eleven levels of ten aliases each: 10^11 nodes if expanded. */
  private static String billionLaughs() {
    StringBuilder b =
        new StringBuilder("apiVersion: v1\nkind: List\nitems:\n- a0: &a0 [x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++) {
      b.append("  a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      b.append("]\n");
    }
    return b.toString();
  }

  private static String deepNesting() {
    return "apiVersion: v1\nkind: List\nitems: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n";
  }

  /** A full Secret (not a root one: only its key names are kept) with a 6 MB one-line value. */
  private static String secretWithSixMegabyteValue() {
    byte[] raw = new byte[4_500_000];
    new Random(11).nextBytes(raw);
    return "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n  type: Opaque\n"
        + "  metadata: {name: blob, namespace: apps}\n  data:\n    blob.bin: "
        + Base64.getEncoder().encodeToString(raw)
        + "\n";
  }

  @Test
  void aliasBombIsAProblemNamingTheAliasLimit() {
    KubeObjects.Read read = KubeObjects.read(billionLaughs());

    assertEquals(1, read.problems().size(), read.problems().toString());
    assertTrue(read.problems().get(0).contains("aliases"), read.problems().get(0));
  }

  @Test
  void deepNestingIsAProblemNamingTheDepthLimit() {
    KubeObjects.Read read = KubeObjects.read(deepNesting());

    assertEquals(1, read.problems().size(), read.problems().toString());
    assertTrue(read.problems().get(0).contains("Nesting Depth"), read.problems().get(0));
  }

  @Test
  void secretWithAOneLineValueOfMegabytesIsReadWhole() {
    KubeObjects.Read read = KubeObjects.secrets(secretWithSixMegabyteValue());

    assertTrue(read.problems().isEmpty(), read.problems().toString());
    assertEquals("blob", read.secrets().get(0).name());
    assertEquals(java.util.Set.of("blob.bin"), read.secrets().get(0).keys());
  }

  @Test
  void hostileInputsStayWithinTheWatchdog() {
    List<Seeds.Seed> seeds =
        List.of(
            seed("alias-bomb", billionLaughs()),
            seed("deep-nesting", deepNesting()),
            seed("secret-6mb-line", secretWithSixMegabyteValue()));

    FuzzRunner.Result result =
        new FuzzRunner(List.of(ClusterTargets.kubeObjects())).run(seeds, WATCHDOG);

    assertTrue(result.failures().isEmpty(), FuzzReport.text(WATCHDOG, result));
  }

  private static Seeds.Seed seed(String name, String text) {
    return new Seeds.Seed(name, text.getBytes(StandardCharsets.UTF_8));
  }
}
