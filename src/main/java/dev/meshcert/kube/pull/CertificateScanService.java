package dev.meshcert.kube.pull;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.KubeException;
import dev.meshcert.mesh.detect.MeshSnapshot;
import java.util.List;

/**
 * Pulls the certificate chains of mesh workloads from a cluster (live or demo) and judges them: one
 * pod, a namespace or the whole mesh. Blocking: call off the UI thread. Thread-safe.
 */
public interface CertificateScanService {

  /**
   * Lists {@code target}'s pods (and what mesh detection needs), then pulls every meshed pod's
   * certificates, at most {@link ScanOptions#parallelism()} at a time, each within {@link
   * ScanOptions#podTimeout()}. Cancelling returns the partial result (pods not reached are {@link
   * PullStatus#CANCELLED}).
   *
   * @throws KubeException when the pods of the target cannot be listed
   */
  ScanResult scan(
      ClusterConnection cluster,
      ScanTarget target,
      ScanOptions options,
      ScanListener listener,
      Cancellation cancel)
      throws KubeException;

  /**
   * Pulls the pods {@code podRefs} ("namespace/name") of a snapshot the caller already holds (the
   * cluster screen's), without listing again; an empty list means every pod of the snapshot.
   */
  ScanResult scan(
      ClusterConnection cluster,
      MeshSnapshot mesh,
      List<String> podRefs,
      ScanOptions options,
      ScanListener listener,
      Cancellation cancel);
}
