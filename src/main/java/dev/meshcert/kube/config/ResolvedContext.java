package dev.meshcert.kube.config;

import java.util.List;
import java.util.Optional;

/**
 * A context with its cluster and user looked up: everything needed to connect.
 *
 * @param context the context
 * @param cluster its cluster
 * @param user its user
 * @param warnings things the user should know before trusting the connection ("TLS verification is
 *     disabled for cluster prod (insecure-skip-tls-verify)")
 */
public record ResolvedContext(
    KubeContext context, KubeCluster cluster, KubeUser user, List<String> warnings) {

  /** Copies the warnings. */
  public ResolvedContext {
    warnings = List.copyOf(warnings);
  }

  /** The context's default namespace. */
  public Optional<String> namespace() {
    return context.namespace();
  }
}
