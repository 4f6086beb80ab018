/**
 * The built-in demo mesh: a realistic cluster held in memory (Istio with sidecars and ambient,
 * Linkerd, a pod without sidecar, PeerAuthentications at every level) with certificates generated
 * at start relative to now. It implements the same {@link dev.meshcert.kube.ClusterConnection} as a
 * live cluster, so it flows through the same services and screens.
 */
package dev.meshcert.kube.demo;
