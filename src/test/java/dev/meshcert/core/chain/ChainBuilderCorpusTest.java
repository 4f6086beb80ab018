package dev.meshcert.core.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChainBuilderCorpusTest {

  private static final String SAMPLES = "istio/samples/certs/";
  private static final String PKI = "istio/security/pkg/pki/testdata/";
  private static final String LINKERD = "linkerd/cli/cmd/testdata/";

  private final ChainBuilder builder = new ChainBuilder();

  private static List<CertificateFacts> load(String... paths) {
    List<CertificateFacts> all = new ArrayList<>();
    for (String p : paths) {
      all.addAll(Pems.corpus(p));
    }
    return all;
  }

  private static Chain chainOf(List<Chain> chains, CertificateFacts leaf) {
    return chains.stream().filter(c -> c.leaf().equals(leaf)).findFirst().orElseThrow();
  }

  @Test
  void istioWorkloadLeafFindsItsRootInAnotherFile() {
    List<Chain> chains =
        builder.build(load(SAMPLES + "workload-foo-cert.pem", SAMPLES + "root-cert.pem"));

    assertEquals(1, chains.size());
    Chain chain = chains.get(0);
    assertEquals(3, chain.certificates().size());
    assertEquals("", chain.leaf().subject());
    assertEquals(Pems.one(SAMPLES + "root-cert.pem"), chain.top());
    assertTrue(chain.endsAtSelfSigned());
  }

  @Test
  void istioSampleDirectoryGroupsIntoOneChainPerLeafUnderTwoRootsNamedRootCa() {
    List<CertificateFacts> all =
        load(
            SAMPLES + "root-cert-combined-2.pem",
            SAMPLES + "workload-foo-cert.pem",
            SAMPLES + "workload-bar-cert.pem",
            SAMPLES + "cert-chain-alt.pem",
            SAMPLES + "cert-chain-alt-2.pem",
            SAMPLES + "ca-cert.pem");

    List<Chain> chains = builder.build(all);

    assertEquals(4, chains.size());
    CertificateFacts root = Pems.one(SAMPLES + "root-cert.pem");
    CertificateFacts altRoot = Pems.one(SAMPLES + "root-cert-alt.pem");
    assertEquals(root, chains.get(0).top());
    assertEquals(root, chains.get(1).top());
    assertEquals(
        List.of(Pems.one(SAMPLES + "ca-cert-alt.pem"), altRoot), chains.get(2).certificates());
    assertEquals(
        List.of(Pems.one(SAMPLES + "ca-cert-alt-2.pem"), altRoot), chains.get(3).certificates());
  }

  @Test
  void istioAltIntermediateDoesNotLinkToTheOtherRootCa() {
    Chain chain =
        builder.build(load(SAMPLES + "ca-cert-alt.pem", SAMPLES + "root-cert.pem")).get(0);

    assertEquals(List.of(Pems.one(SAMPLES + "ca-cert-alt.pem")), chain.certificates());
    assertEquals(Optional.of("CN=Root CA,O=Istio"), chain.missingIssuer());
  }

  @Test
  void istioSelfIssuedSpiffeWorkloadLinksToItsIntermediateAndRoot() {
    CertificateFacts workload = Pems.one(PKI + "spiffe-workload-cert.pem");
    assertTrue(workload.selfIssued());

    List<Chain> chains =
        builder.build(
            load(
                PKI + "spiffe-workload-cert.pem",
                PKI + "spiffe-int-cert.pem",
                PKI + "spiffe-root-cert-1.pem",
                PKI + "spiffe-root-cert-2.pem"));

    Chain chain = chainOf(chains, workload);
    assertEquals(
        List.of(
            workload,
            Pems.one(PKI + "spiffe-int-cert.pem"),
            Pems.one(PKI + "spiffe-root-cert-1.pem")),
        chain.certificates());
    assertTrue(chain.endsAtSelfSigned());
  }

  @Test
  void istioSelfIssuedSpiffeWorkloadAloneIsNotARoot() {
    Chain chain = builder.build(load(PKI + "spiffe-workload-cert.pem")).get(0);

    assertFalse(chain.endsAtSelfSigned());
    assertEquals(Optional.of("L=foo,CN=Intermediate CA,O=Istio"), chain.missingIssuer());
  }

  @ParameterizedTest
  @CsvSource({"int2-cert-chain.pem, root-cert.pem", "ecc-int2-cert-chain.pem, ecc-root-cert.pem"})
  void multiLevelPkiChainsRunLeafToRoot(String chainFile, String rootFile) {
    String dir = PKI + "multilevelpki/";
    List<Chain> chains = builder.build(load(dir + chainFile, dir + rootFile));

    assertEquals(1, chains.size());
    assertEquals(3, chains.get(0).certificates().size());
    assertTrue(chains.get(0).leaf().subject().startsWith("CN=Intermediate CA2"));
    assertEquals(Pems.one(dir + rootFile), chains.get(0).top());
  }

  @Test
  void linkerdIssuersPairWithTheirOwnAnchorsAmongAnchorsOfOneName() {
    List<String> sets = List.of("valid", "wrong-algo", "expired", "not-valid-yet");
    List<String> files = new ArrayList<>();
    for (String set : sets) {
      files.add(LINKERD + set + "-crt.pem");
      files.add(LINKERD + set + "-trust-anchors.pem");
    }

    List<Chain> chains = builder.build(load(files.toArray(String[]::new)));

    assertEquals(4, chains.size());
    for (String set : List.of("valid", "wrong-algo")) {
      Chain chain = chainOf(chains, Pems.one(LINKERD + set + "-crt.pem"));
      assertEquals(
          List.of(
              Pems.one(LINKERD + set + "-crt.pem"), Pems.one(LINKERD + set + "-trust-anchors.pem")),
          chain.certificates(),
          set);
      assertTrue(chain.endsAtSelfSigned(), set);
    }
  }

  @ParameterizedTest
  @CsvSource({"expired", "not-valid-yet"})
  void linkerdSetsWhoseIssuerIsItsOwnAnchorGiveOneSelfSignedChain(String set) {
    List<Chain> chains =
        builder.build(load(LINKERD + set + "-crt.pem", LINKERD + set + "-trust-anchors.pem"));

    assertEquals(1, chains.size());
    assertEquals(1, chains.get(0).certificates().size());
    assertTrue(chains.get(0).endsAtSelfSigned());
  }

  @Test
  void linkerdSelfIssuedIssuerAloneIsMissingItsAnchor() {
    Chain chain = builder.build(load(LINKERD + "valid-crt.pem")).get(0);

    assertFalse(chain.endsAtSelfSigned());
    assertEquals(Optional.of("CN=identity.linkerd.cluster.local"), chain.missingIssuer());
  }

  @Test
  void linkerdIssuerIsNotLinkedToAnotherSetsAnchorOfTheSameName() {
    Chain chain =
        builder
            .build(
                Stream.of(LINKERD + "valid-crt.pem", LINKERD + "expired-trust-anchors.pem")
                    .flatMap(p -> Pems.corpus(p).stream())
                    .toList())
            .get(0);

    assertEquals(List.of(Pems.one(LINKERD + "valid-crt.pem")), chain.certificates());
  }
}
