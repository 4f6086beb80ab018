package dev.meshcert.fuzz;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Inputs for the cluster-side targets that once broke their promise, each on its own. */
class ClusterTargetsTest {

  private static void run(String target, String input) {
    Targets.Target t =
        ClusterTargets.all().stream()
            .filter(x -> x.name().equals(target))
            .findFirst()
            .orElseThrow();
    assertDoesNotThrow(() -> t.run(input.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void execCredentialWithAnObjectAsTokenIsBadOutput() {
    run("ExecCredential", "{\"status\":{\"token\":{}}}");
  }

  @Test
  void execCredentialWithAnArrayAsExpiryIsBadOutput() {
    run("ExecCredential", "{\"status\":{\"token\":\"t\",\"expirationTimestamp\":[1,2]}}");
  }
}
