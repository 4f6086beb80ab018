package dev.meshcert.mesh.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.read.InputReader;
import dev.meshcert.core.read.PasswordProvider;
import dev.meshcert.core.read.Source;
import dev.meshcert.mesh.MeshCorpus;
import dev.meshcert.mesh.MeshReaders;
import dev.meshcert.mesh.envoy.EnvoyDumps;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadChainsTest {

  private final RotationFixture f = new RotationFixture();
  private final InputReader reader = new InputReader(MeshReaders.all());

  private Source read(String name, byte[] content) {
    return reader.read(name, content, PasswordProvider.none());
  }

  private static String leafPem(RotationFixture f) {
    return f.pki.leaf(f.newRoot).uriSan("spiffe://cluster.local/ns/a/sa/b").issue().pem();
  }

  @Test
  void configDumpGivesTheDefaultChainAndTheRootCaBundle() {
    byte[] dump =
        EnvoyDumps.json(
            EnvoyDumps.activeSecrets(
                EnvoyDumps.tlsSecret("default", leafPem(f) + f.newRoot.pem()),
                EnvoyDumps.caSecret("ROOTCA", f.newRoot.pem() + f.oldRoot.pem())));
    List<WorkloadChain> chains = WorkloadChains.of("a/b-1", read("dump.json", dump));

    assertEquals(1, chains.size());
    assertEquals("a/b-1", chains.get(0).workload());
    assertEquals(2, chains.get(0).chain().size());
    assertEquals(List.of(f.newFacts, f.oldFacts), chains.get(0).bundle());
  }

  @Test
  void gatewayCredentialIsAWorkloadOfItsOwn() {
    byte[] dump =
        EnvoyDumps.json(
            EnvoyDumps.activeSecrets(
                EnvoyDumps.tlsSecret("default", leafPem(f)),
                EnvoyDumps.tlsSecret("kubernetes://web-cert", leafPem(f)),
                EnvoyDumps.caSecret("ROOTCA", f.newRoot.pem())));
    List<WorkloadChain> chains = WorkloadChains.of("gw", read("dump.json", dump));

    assertEquals(
        List.of("gw", "gw (kubernetes://web-cert)"),
        chains.stream().map(WorkloadChain::workload).toList());
  }

  @Test
  void ztunnelDumpGivesOneWorkloadPerIdentityWithCertificates() {
    List<WorkloadChain> chains =
        WorkloadChains.of("ztunnel", read("dump.json", MeshCorpus.bytes(MeshCorpus.ZTUNNEL_DUMP)));

    assertEquals(1, chains.size());
    assertEquals("spiffe://cluster.local/ns/istio-system/sa/istiod", chains.get(0).workload());
    assertEquals(1, chains.get(0).chain().size());
    assertEquals(1, chains.get(0).bundle().size());
  }

  @Test
  void pemIsOneWorkloadWithItsBundleUnknown() {
    String pem = leafPem(f) + f.newRoot.pem();
    List<WorkloadChain> chains =
        WorkloadChains.of("chain.pem", read("chain.pem", pem.getBytes(StandardCharsets.US_ASCII)));

    assertEquals(1, chains.size());
    assertEquals(2, chains.get(0).chain().size());
    assertTrue(chains.get(0).bundle().isEmpty());
  }

  @Test
  void inputWithoutCertificatesGivesNoWorkload() {
    assertTrue(
        WorkloadChains.of("x", read("x", "hello".getBytes(StandardCharsets.US_ASCII))).isEmpty());
  }

  @Test
  void linkerdIdentityHasTheIdentitySuffixAsTrustDomain() {
    WorkloadChain w =
        new WorkloadChain(
            "emoji",
            List.of(
                f.pki
                    .leaf(f.newRoot)
                    .dnsSan("web.emojivoto.serviceaccount.identity.linkerd.cluster.local")
                    .issue()
                    .facts()),
            List.of(),
            "test");

    assertEquals("identity.linkerd.cluster.local", w.trustDomain().orElseThrow());
  }
}
