package dev.meshcert.mesh.timeline;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.expiry.ExpiryStatus;
import java.time.Instant;
import java.util.List;

/**
 * One certificate on the timeline.
 *
 * @param certificate the certificate
 * @param role its place in the chains it was found in
 * @param workloads the workloads that serve or hold it, first-seen order; never empty
 * @param rotateAt when it is expected to be replaced (see {@link ExpiryTimeline})
 * @param rotationRule why then, for people ("Istio renews workload certificates at 50% of their
 *     lifetime")
 * @param expiringFrom when it starts to count as expiring under the expiry policy
 * @param status where it stands at the timeline's "now"
 */
public record TimelineBar(
    CertificateFacts certificate,
    Role role,
    List<String> workloads,
    Instant rotateAt,
    String rotationRule,
    Instant expiringFrom,
    ExpiryStatus status) {

  public TimelineBar {
    workloads = List.copyOf(workloads);
  }

  /** The certificate's place in a chain. */
  public enum Role {
    /** The certificate a workload presents. */
    LEAF,
    /** A CA between a leaf and a root. */
    INTERMEDIATE,
    /** A self-signed CA, or a certificate held in a root bundle. */
    ROOT
  }

  /** Start of validity. */
  public Instant notBefore() {
    return certificate.notBefore();
  }

  /** End of validity. */
  public Instant notAfter() {
    return certificate.notAfter();
  }

  /** The row label: the workload for a leaf, the certificate's name for a CA. */
  public String label() {
    if (role == Role.LEAF) {
      return workloads.size() == 1
          ? workloads.get(0)
          : workloads.get(0) + " (+" + (workloads.size() - 1) + ")";
    }
    String users = workloads.size() == 1 ? "1 workload" : workloads.size() + " workloads";
    return certificate.displayName() + " (" + users + ")";
  }

  /** Whether the expected rotation point has passed at {@code now} while it is still in use. */
  public boolean rotationOverdue(Instant now) {
    return now.isAfter(rotateAt) && !now.isAfter(certificate.notAfter());
  }
}
