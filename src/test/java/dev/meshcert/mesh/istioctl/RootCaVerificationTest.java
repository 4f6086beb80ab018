package dev.meshcert.mesh.istioctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.mesh.MeshCorpus;
import dev.meshcert.mesh.envoy.EnvoyDumps;
import dev.meshcert.mesh.envoy.SecretsDump;
import dev.meshcert.testpki.TestPki;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RootCaVerificationTest {

  private final TestPki pki = new TestPki();

  private static ChainVerdict sampleVerdict(Instant at) {
    List<ChainVerdict> verdicts =
        RootCaVerification.verify(
            SecretTableTest.dump(MeshCorpus.bytes(MeshCorpus.SECRET_DUMP)), at);
    assertEquals(1, verdicts.size());
    return verdicts.get(0);
  }

  @Test
  void istioSampleChainIsSignedUpToRootCa() {
    ChainVerdict verdict = sampleVerdict(TestPki.NOW);
    assertEquals("default", verdict.secret());
    assertEquals(2, verdict.chain().size());
    assertTrue(verdict.signaturesVerify());
    assertEquals("O=cluster.local", verdict.anchor().orElseThrow().subject());
  }

  @Test
  void istioSampleLeafHasExpiredAtTheFixedNow() {
    ChainVerdict verdict = sampleVerdict(TestPki.NOW);
    assertFalse(verdict.verifies());
    assertTrue(
        verdict.reason().endsWith("but certificate 1 expired 2023-05-16T01:32:52Z"),
        verdict.reason());
  }

  @Test
  void istioSampleVerifiesWithinTheLeafsLifetime() {
    assertTrue(sampleVerdict(Instant.parse("2023-05-15T12:00:00Z")).verifies());
  }

  @Test
  void chainFromAnotherRootDoesNotVerify() {
    TestPki.Issued mesh = pki.root("CN=Mesh Root").issue();
    TestPki.Issued other = pki.root("CN=Mesh Root").issue();
    TestPki.Issued leaf = pki.leaf(other).uriSan("spiffe://td/ns/a/sa/b").issue();
    SecretsDump dump =
        SecretTableTest.dump(
            EnvoyDumps.activeSecrets(
                EnvoyDumps.tlsSecret("default", leaf.pem()),
                EnvoyDumps.caSecret("ROOTCA", mesh.pem())));
    ChainVerdict verdict = RootCaVerification.verify(dump, TestPki.NOW).get(0);
    assertFalse(verdict.signaturesVerify());
    assertTrue(verdict.reason().startsWith("no root in ROOTCA signed the top of the chain"));
  }

  @Test
  void brokenLinkInsideTheChainIsNamed() {
    TestPki.Issued root = pki.root("CN=Root").issue();
    TestPki.Issued stranger = pki.intermediate(root, "CN=Stranger").issue();
    TestPki.Issued leaf = pki.leaf(root).uriSan("spiffe://td/ns/a/sa/b").issue();
    SecretsDump dump =
        SecretTableTest.dump(
            EnvoyDumps.activeSecrets(
                EnvoyDumps.tlsSecret("default", leaf.pem() + stranger.pem()),
                EnvoyDumps.caSecret("ROOTCA", root.pem())));
    ChainVerdict verdict = RootCaVerification.verify(dump, TestPki.NOW).get(0);
    assertEquals("certificate 1 is not signed by certificate 2 of the chain", verdict.reason());
  }

  @Test
  void chainThroughIntermediateVerifies() {
    TestPki.Issued root = pki.root("CN=Root").issue();
    TestPki.Issued intermediate = pki.intermediate(root, "CN=Intermediate").issue();
    TestPki.Issued leaf = pki.leaf(intermediate).uriSan("spiffe://td/ns/a/sa/b").issue();
    SecretsDump dump =
        SecretTableTest.dump(
            EnvoyDumps.activeSecrets(
                EnvoyDumps.tlsSecret("default", leaf.pem() + intermediate.pem()),
                EnvoyDumps.caSecret("ROOTCA", root.pem())));
    assertTrue(RootCaVerification.verify(dump, TestPki.NOW).get(0).verifies());
  }

  @Test
  void dumpWithoutRootsSaysSo() {
    TestPki.Issued root = pki.root("CN=Root").issue();
    TestPki.Issued leaf = pki.leaf(root).uriSan("spiffe://td/ns/a/sa/b").issue();
    SecretsDump dump =
        SecretTableTest.dump(EnvoyDumps.activeSecrets(EnvoyDumps.tlsSecret("default", leaf.pem())));
    assertEquals(
        "the dump has no root certificate to verify against",
        RootCaVerification.verify(dump, TestPki.NOW).get(0).reason());
  }

  @Test
  void describeListsTheWholeChainThenTheVerdict() {
    List<String> lines = sampleVerdict(TestPki.NOW).describe().lines().toList();
    assertEquals("default (ACTIVE), 2 certificates:", lines.get(0));
    assertEquals(
        "  1. spiffe://cluster.local/ns/ambient/sa/namespace-istio-waypoint  serial"
            + " 6fbee254c22900615cb1f74e3d2f1713  2023-05-15T01:30:52Z to 2023-05-16T01:32:52Z",
        lines.get(1));
    assertTrue(
        lines.get(2).startsWith("  2. O=cluster.local  serial 193a543fe2b0d9cd4847675394dfc54"));
    assertTrue(lines.get(3).startsWith("  ROOTCA: signatures verify to root O=cluster.local"));
  }
}
