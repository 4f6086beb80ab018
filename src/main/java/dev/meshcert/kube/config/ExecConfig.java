package dev.meshcert.kube.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An exec credential plugin ({@code users[].user.exec}).
 *
 * @param command the program; a relative path with a separator is already resolved against the
 *     kubeconfig's directory, a bare name is looked up on PATH
 * @param args its arguments
 * @param env extra environment variables
 * @param apiVersion the ExecCredential API version it speaks
 * @param installHint what to tell the user when the program is missing
 * @param provideClusterInfo whether the plugin wants the cluster in KUBERNETES_EXEC_INFO
 */
public record ExecConfig(
    String command,
    List<String> args,
    Map<String, String> env,
    String apiVersion,
    Optional<String> installHint,
    boolean provideClusterInfo) {

  /** Copies the collections. */
  public ExecConfig {
    args = List.copyOf(args);
    env = Map.copyOf(env);
  }
}
