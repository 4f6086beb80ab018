package dev.meshcert.mesh.workload;

import java.util.Optional;

/**
 * The proxy container a mesh injected into a pod.
 *
 * @param container its container name ("istio-proxy", "linkerd-proxy")
 * @param plane the mesh it belongs to
 * @param image its image reference
 * @param version the proxy version, from an annotation or the image tag, when known
 * @param nativeSidecar whether it runs as an init container with {@code restartPolicy: Always}
 */
public record Sidecar(
    String container,
    DataPlane plane,
    String image,
    Optional<String> version,
    boolean nativeSidecar) {}
