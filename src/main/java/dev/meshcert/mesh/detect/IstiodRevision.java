package dev.meshcert.mesh.detect;

import dev.meshcert.mesh.workload.WorkloadResource;
import java.util.Optional;

/**
 * One istiod deployment: a control-plane revision.
 *
 * @param revision the revision name, "default" for an unrevisioned install
 * @param deployment the istiod Deployment
 * @param version the pilot image tag ("1.24.2"), when visible
 * @param meshConfig the mesh config this revision reads ({@code istio} or {@code istio-REV})
 * @param meshConfigMap the ConfigMap name it was read from, empty when none was found
 */
public record IstiodRevision(
    String revision,
    WorkloadResource deployment,
    Optional<String> version,
    MeshConfig meshConfig,
    Optional<String> meshConfigMap) {}
