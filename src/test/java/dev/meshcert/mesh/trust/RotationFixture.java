package dev.meshcert.mesh.trust;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.testpki.TestPki;
import java.time.Duration;
import java.util.List;

/**
 * A mesh in the middle of a root rotation, built with the test PKI: an old root (issued two years
 * ago) and a new root (issued yesterday), both with the Istio subject {@code O=cluster.local}, and
 * workload leaves from either.
 */
public final class RotationFixture {

  public final TestPki pki = new TestPki();
  public final TestPki.Issued oldRoot =
      pki.root("O=cluster.local")
          .validity(
              TestPki.NOW.minus(Duration.ofDays(730)), TestPki.NOW.plus(Duration.ofDays(2920)))
          .issue();
  public final TestPki.Issued newRoot = pki.root("O=cluster.local").issue();
  public final CertificateFacts oldFacts = oldRoot.facts();
  public final CertificateFacts newFacts = newRoot.facts();

  /** An Istio leaf for {@code ns/sa} signed by {@code root}. */
  public CertificateFacts leaf(TestPki.Issued root, String ns, String sa) {
    return pki.leaf(root).uriSan("spiffe://cluster.local/ns/" + ns + "/sa/" + sa).issue().facts();
  }

  /** A workload serving leaf + root and holding {@code bundle}. */
  public WorkloadChain workload(String name, TestPki.Issued root, List<CertificateFacts> bundle) {
    CertificateFacts leaf = leaf(root, "default", name);
    return new WorkloadChain(name, List.of(leaf, root.facts()), bundle, "test");
  }

  /** A workload serving its leaf alone (the root only in its bundle). */
  public WorkloadChain leafOnly(String name, TestPki.Issued root, List<CertificateFacts> bundle) {
    return new WorkloadChain(name, List.of(leaf(root, "default", name)), bundle, "test");
  }
}
