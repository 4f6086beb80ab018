package dev.meshcert.ui.mesh;

import dev.meshcert.core.chain.SignatureVerifier;
import dev.meshcert.core.expiry.ExpiryPolicy;
import dev.meshcert.mesh.timeline.ExpiryTimeline;
import dev.meshcert.mesh.timeline.Timeline;
import dev.meshcert.mesh.trust.TrustGrouping;
import dev.meshcert.mesh.trust.TrustView;

/**
 * The trust view and the timeline of one {@link MeshData}, computed together off the FX thread.
 *
 * @param data what they were computed from
 * @param trust the workloads grouped by root and bundle
 * @param timeline every certificate's validity
 */
public record MeshAnalysis(MeshData data, TrustView trust, Timeline timeline) {

  /** Computes the views of {@code data}; the timeline's now is the data's {@code takenAt}. */
  public static MeshAnalysis of(MeshData data, SignatureVerifier verifier, ExpiryPolicy policy) {
    TrustView trust = new TrustGrouping(verifier).group(data.workloads(), data.meshRoots());
    Timeline timeline = new ExpiryTimeline(policy).build(data.workloads(), data.takenAt());
    return new MeshAnalysis(data, trust, timeline);
  }

  /** The analysis of nothing. */
  public static MeshAnalysis empty(MeshData data) {
    return new MeshAnalysis(data, TrustView.EMPTY, Timeline.empty(data.takenAt()));
  }
}
