/**
 * What service meshes mean: sidecar detection, Envoy and ztunnel dumps, Linkerd identity names,
 * PeerAuthentication resolution, the workload model. Pure: depends only on {@code core}.
 */
package dev.meshcert.mesh;
