package dev.meshcert.core.finding;

import dev.meshcert.core.cert.CertificateFacts;
import java.time.Duration;
import java.time.Instant;

/**
 * When a workload certificate should be renewed under a mesh's rotation policy, and whether that is
 * overdue at an instant.
 *
 * @param renewAt when the mesh's agent renews it: notBefore plus {@code ratio} of the lifetime
 * @param overdueAt when renewal counts as overdue: renewAt plus a tenth of the lifetime (agents add
 *     jitter and retry, so a little lateness is normal)
 * @param ratio share of the lifetime after which the agent renews (0.5 Istio and SPIRE, 0.7
 *     Linkerd)
 * @param overdue whether, at the instant, the certificate is still valid but past {@code
 *     overdueAt}: the agent should have replaced it and has not
 */
public record Rotation(Instant renewAt, Instant overdueAt, double ratio, boolean overdue) {

  /** Share of the lifetime allowed past renewAt before renewal counts as overdue. */
  public static final double GRACE = 0.1;

  /** The rotation of {@code cert} under {@code profile}, judged at {@code at}. */
  public static Rotation of(CertificateFacts cert, MeshProfile profile, Instant at) {
    Duration life = cert.lifetime();
    double ratio = profile.renewalRatio();
    Instant renewAt = cert.notBefore().plus(share(life, ratio));
    Instant overdueAt = renewAt.plus(share(life, GRACE));
    boolean overdue = at.isAfter(overdueAt) && !at.isAfter(cert.notAfter());
    return new Rotation(renewAt, overdueAt, ratio, overdue);
  }

  private static Duration share(Duration d, double ratio) {
    return Duration.ofMillis(Math.round(Math.max(0, d.toMillis()) * ratio));
  }
}
