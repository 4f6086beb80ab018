package dev.meshcert.mesh.detect;

import dev.meshcert.mesh.workload.WorkloadResource;
import java.util.Optional;

/**
 * A Linkerd control plane: its identity service and the trust anchors proxies verify peers with.
 *
 * @param namespace the control-plane namespace ("linkerd")
 * @param identity the {@code linkerd-identity} deployment
 * @param version the control-plane version, from its label or image tag
 * @param trustDomain the identity trust domain ("cluster.local" by default)
 * @param trustRootsPem the PEM bundle in the {@code linkerd-identity-trust-roots} ConfigMap
 * @param issuerSecret the issuer Secret's name and type, when visible
 */
public record LinkerdControlPlane(
    String namespace,
    WorkloadResource identity,
    Optional<String> version,
    String trustDomain,
    Optional<String> trustRootsPem,
    Optional<String> issuerSecret) {}
