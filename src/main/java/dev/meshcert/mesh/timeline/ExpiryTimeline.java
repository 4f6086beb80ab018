package dev.meshcert.mesh.timeline;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.expiry.Expiry;
import dev.meshcert.core.expiry.ExpiryPolicy;
import dev.meshcert.core.finding.MeshProfile;
import dev.meshcert.core.finding.MeshProfiles;
import dev.meshcert.core.finding.Roles;
import dev.meshcert.core.finding.Rotation;
import dev.meshcert.mesh.trust.WorkloadChain;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@link Timeline} of workloads' certificates: one bar per distinct certificate (a root
 * shared by a thousand workloads is one bar), with its state under the expiry policy and its
 * expected rotation point:
 *
 * <ul>
 *   <li>a leaf is renewed by the mesh's agent at the mesh's renewal ratio ({@link Rotation}: 50% of
 *       the lifetime for Istio and SPIRE, 70% for Linkerd); a leaf of no known mesh at the expiry
 *       policy's lifetime fraction (80% by default);
 *   <li>a CA at the expiry policy's lifetime fraction: Istio renews its self-signed root with 20%
 *       of the lifetime left (CITADEL_SELF_SIGNED_ROOT_CERT_GRACE_PERIOD_PERCENTILE), the same
 *       point as {@link ExpiryPolicy#DEFAULT}'s 80%.
 * </ul>
 *
 * Pure and thread-safe.
 */
public final class ExpiryTimeline {

  private final ExpiryPolicy policy;

  /**
   * @param policy what counts as expiring; also where CAs are expected to be rotated
   */
  public ExpiryTimeline(ExpiryPolicy policy) {
    this.policy = policy;
  }

  /** The timeline of {@code workloads}' chains and bundles, judged at {@code now}. */
  public Timeline build(List<WorkloadChain> workloads, Instant now) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (WorkloadChain w : workloads) {
      Optional<MeshProfile> profile = MeshProfiles.detect(w.chain());
      List<CertificateFacts> chain = w.chain();
      for (int i = 0; i < chain.size(); i++) {
        CertificateFacts c = chain.get(i);
        TimelineBar.Role role = i == 0 && !c.ca() ? TimelineBar.Role.LEAF : caRole(c);
        entries.computeIfAbsent(c.sha256(), k -> new Entry(c, role, profile)).add(w.workload());
      }
      for (CertificateFacts c : w.bundle()) {
        entries.computeIfAbsent(c.sha256(), k -> new Entry(c, TimelineBar.Role.ROOT, profile));
        entries.get(c.sha256()).add(w.workload());
      }
    }
    List<TimelineBar> bars = new ArrayList<>(entries.size());
    for (Entry e : entries.values()) {
      bars.add(bar(e, now));
    }
    bars.sort(
        Comparator.comparing(TimelineBar::notAfter)
            .thenComparing(TimelineBar::role)
            .thenComparing(TimelineBar::label));
    return new Timeline(now, bars);
  }

  private static TimelineBar.Role caRole(CertificateFacts c) {
    return c.ca() && Roles.selfSigned(c) ? TimelineBar.Role.ROOT : TimelineBar.Role.INTERMEDIATE;
  }

  private TimelineBar bar(Entry e, Instant now) {
    CertificateFacts c = e.certificate;
    Instant rotateAt;
    String rule;
    if (e.role == TimelineBar.Role.LEAF && e.profile.isPresent()) {
      MeshProfile p = e.profile.get();
      rotateAt = Rotation.of(c, p, now).renewAt();
      rule =
          p.name()
              + " renews workload certificates at "
              + percent(p.renewalRatio())
              + " of their lifetime";
    } else {
      rotateAt = c.notBefore().plus(share(c.lifetime(), policy.lifetimeFraction()));
      rule =
          (e.role == TimelineBar.Role.LEAF ? "Expected renewal" : "Expected CA rotation")
              + " at "
              + percent(policy.lifetimeFraction())
              + " of the lifetime";
    }
    Instant expiringFrom = c.notAfter().minus(policy.window(c.lifetime()));
    return new TimelineBar(
        c,
        e.role,
        List.copyOf(e.workloads),
        rotateAt,
        rule,
        expiringFrom,
        Expiry.evaluate(c, now, policy));
  }

  private static String percent(double ratio) {
    return Math.round(ratio * 100) + "%";
  }

  private static Duration share(Duration d, double ratio) {
    return Duration.ofMillis(Math.round(Math.max(0, d.toMillis()) * ratio));
  }

  /** A certificate gathered from the workloads, before it becomes a bar. */
  private static final class Entry {
    final CertificateFacts certificate;
    final TimelineBar.Role role;
    final Optional<MeshProfile> profile;
    final Set<String> workloads = new LinkedHashSet<>();

    Entry(CertificateFacts certificate, TimelineBar.Role role, Optional<MeshProfile> profile) {
      this.certificate = certificate;
      this.role = role;
      this.profile = profile;
    }

    void add(String workload) {
      workloads.add(workload);
    }
  }
}
