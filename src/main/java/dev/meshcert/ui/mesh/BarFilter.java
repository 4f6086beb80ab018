package dev.meshcert.ui.mesh;

import dev.meshcert.core.expiry.ExpiryState;
import dev.meshcert.mesh.timeline.TimelineBar;
import java.time.Instant;

/** Which bars the timeline shows. */
public enum BarFilter {
  /** Every certificate. */
  ALL,
  /** Workload certificates only. */
  LEAVES,
  /** Roots and intermediates only. */
  AUTHORITIES,
  /** Expired, expiring, not yet valid, or past the expected rotation point. */
  ATTENTION;

  /** Whether {@code bar} is shown at {@code now}. */
  public boolean shows(TimelineBar bar, Instant now) {
    return switch (this) {
      case ALL -> true;
      case LEAVES -> bar.role() == TimelineBar.Role.LEAF;
      case AUTHORITIES -> bar.role() != TimelineBar.Role.LEAF;
      case ATTENTION -> bar.status().state() != ExpiryState.VALID || bar.rotationOverdue(now);
    };
  }
}
