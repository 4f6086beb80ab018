package dev.meshcert.mesh.trust;

import dev.meshcert.core.cert.CertificateFacts;

/**
 * The root a trust domain is expected to be on now.
 *
 * @param domain the trust domain, "" for workloads without one
 * @param root the root
 * @param why how it was chosen: "the newest mesh root given" or "the root most workloads verify to
 *     (8 of 10)"
 */
public record CurrentRoot(String domain, CertificateFacts root, String why) {

  /** The root described for people. */
  public String label() {
    return Describe.root(root);
  }
}
