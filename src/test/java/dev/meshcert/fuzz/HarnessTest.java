package dev.meshcert.fuzz;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The harness does what docs/fuzzing.md says: reproducible, and its mutations reach the DER. */
class HarnessTest {

  private static final List<Seeds.Seed> SEEDS = Seeds.load();

  @Test
  void sameInputSeedMakesTheSameMutant() {
    Mutator m = new Mutator(SEEDS);
    for (long i = 0; i < 200; i++) {
      Mutator.Mutant a = m.mutate(FuzzRunner.mix(7, i));
      Mutator.Mutant b = m.mutate(FuzzRunner.mix(7, i));
      assertArrayEquals(a.bytes(), b.bytes(), a.recipe());
      assertEquals(a.recipe(), b.recipe());
    }
  }

  @Test
  void mutantsDifferFromTheirSeed() {
    Mutator m = new Mutator(SEEDS);
    int changed = 0;
    for (long i = 0; i < 200; i++) {
      Mutator.Mutant a = m.mutate(FuzzRunner.mix(7, i));
      String seedName = a.recipe().split(" \\| ")[0];
      byte[] seed = SEEDS.stream().filter(s -> s.name().equals(seedName)).findFirst().get().bytes();
      if (!java.util.Arrays.equals(seed, a.bytes())) {
        changed++;
      }
    }
    assertTrue(changed > 190, changed + " of 200 changed");
  }

  @Test
  void derTreeEncodesEveryDerSeedBackToItsBytes() {
    int trees = 0;
    for (Seeds.Seed s : SEEDS) {
      var tree = DerTree.parse(s.bytes());
      if (tree.isPresent()) {
        trees++;
        assertArrayEquals(s.bytes(), DerTree.encode(tree.get()), s.name());
      }
    }
    assertTrue(trees >= 30, trees + " DER seeds");
  }

  @Test
  void canonicalBase64RunsPutBackUnchangedGiveTheSameText() {
    int runs = 0;
    for (Seeds.Seed s : SEEDS) {
      for (Base64Runs.Run run : Base64Runs.find(s.bytes())) {
        String text = new String(s.bytes(), run.start(), run.end() - run.start(), ISO_8859_1);
        if (!text.replaceAll("\\s", "").equals(Base64.getEncoder().encodeToString(run.decoded()))) {
          continue; // prose that happens to be base64 letters: re-encoding adds padding
        }
        runs++;
        assertArrayEquals(s.bytes(), Base64Runs.replace(s.bytes(), run, run.decoded()), s.name());
      }
    }
    assertTrue(runs >= 100, runs + " runs");
  }

  @Test
  void pemBodiesAreFoundAsDer() {
    Seeds.Seed pem =
        SEEDS.stream()
            .filter(s -> s.name().endsWith("istio/samples/certs/root-cert.pem"))
            .findFirst()
            .orElseThrow();
    List<Base64Runs.Run> runs = Base64Runs.find(pem.bytes());
    assertEquals(1, runs.size());
    assertTrue(DerTree.parse(runs.get(0).decoded()).isPresent());
  }

  @Test
  void absurdLengthKeepsEverythingButOneLengthField() {
    Seeds.Seed p12 =
        SEEDS.stream().filter(s -> s.name().endsWith("no-password.p12")).findFirst().orElseThrow();
    Random r = new Random(1);
    for (int i = 0; i < 50; i++) {
      byte[] mutated = new Asn1Mutations(r).absurdLength(p12.bytes());
      assertFalse(java.util.Arrays.equals(p12.bytes(), mutated));
      assertTrue(Math.abs(mutated.length - p12.bytes().length) <= 9);
    }
  }

  @Test
  void nestingIsAsDeepAsAsked() {
    byte[] nested = Nesting.derSequences(new byte[] {5, 0}, 100_000);
    int depth = 0;
    int pos = 0;
    while (nested[pos] == 0x30) {
      depth++;
      int first = nested[pos + 1] & 0xff;
      pos += 2 + (first < 0x80 ? 0 : first & 0x7f);
    }
    assertEquals(100_000, depth);
    assertEquals(nested.length - 2, pos);
  }
}
