package dev.meshcert.mesh.detect;

import dev.meshcert.mesh.workload.WorkloadResource;
import java.util.Optional;

/**
 * A SPIRE server and its agents.
 *
 * @param server the server StatefulSet or Deployment
 * @param trustDomain the {@code trust_domain} of its {@code server.conf}, when found
 * @param agents the agent DaemonSet in the same namespace, when present
 */
public record SpireServer(
    WorkloadResource server, Optional<String> trustDomain, Optional<WorkloadResource> agents) {}
