package dev.meshcert.core.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshcert.testpki.TestPki;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The documented detection rules, each once. */
class MeshProfilesTest {

  private final TestPki pki = new TestPki();

  @Test
  void detectsLinkerdFromWorkloadName() {
    TestPki.Issued root = pki.root("CN=root").issue();
    TestPki.Issued leaf =
        pki.leaf(root).dnsSan("web.shop.serviceaccount.identity.l5d.mesh.example").issue();
    assertEquals(
        Optional.of(new MeshProfile.Linkerd("mesh.example", "l5d")),
        MeshProfiles.detect(List.of(leaf.facts(), root.facts())));
  }

  @Test
  void detectsIstioFromLeafTrustDomainAndCaOrganisation() {
    TestPki.Issued root = pki.root("O=corp.example").issue();
    TestPki.Issued leaf = pki.leaf(root).uriSan("spiffe://corp.example/ns/a/sa/b").issue();
    assertEquals(
        Optional.of(new MeshProfile.Istio("corp.example")),
        MeshProfiles.detect(List.of(leaf.facts(), root.facts())));
  }

  @Test
  void detectsIstioFromItsDefaultRootAlone() {
    TestPki.Issued root = pki.root("O=cluster.local").issue();
    assertEquals(
        Optional.of(new MeshProfile.Istio("cluster.local")),
        MeshProfiles.detect(List.of(root.facts())));
  }

  @Test
  void fallsBackToSpiffeForOtherSpiffeCertificates() {
    TestPki.Issued root = pki.root("CN=SPIRE root").issue();
    TestPki.Issued leaf = pki.leaf(root).uriSan("spiffe://corp.example/ns/a/sa/b").issue();
    assertEquals(
        Optional.of(new MeshProfile.Spiffe()),
        MeshProfiles.detect(List.of(leaf.facts(), root.facts())));
  }

  @Test
  void detectsNothingInPlainCertificates() {
    TestPki.Issued root = pki.root("CN=web root").issue();
    TestPki.Issued leaf =
        pki.leaf(root).subject("CN=www.example.com").dnsSan("www.example.com").issue();
    assertEquals(Optional.empty(), MeshProfiles.detect(List.of(leaf.facts(), root.facts())));
  }
}
