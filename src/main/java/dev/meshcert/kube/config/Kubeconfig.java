package dev.meshcert.kube.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The merged kubeconfig: every context, cluster and user from all files, the first definition of
 * each name winning, and the first {@code current-context} set.
 *
 * @param contexts contexts in file order
 * @param clusters clusters by name
 * @param users users by name
 * @param currentContext the current context, when one is set
 * @param files the files that were read, in order
 * @param problems what could not be read ("~/.kube/extra: not valid YAML"), reading went on
 */
public record Kubeconfig(
    List<KubeContext> contexts,
    Map<String, KubeCluster> clusters,
    Map<String, KubeUser> users,
    Optional<String> currentContext,
    List<Path> files,
    List<String> problems) {

  /** Copies the collections. */
  public Kubeconfig {
    contexts = List.copyOf(contexts);
    clusters = Map.copyOf(clusters);
    users = Map.copyOf(users);
    files = List.copyOf(files);
    problems = List.copyOf(problems);
  }

  /** Context names in file order. */
  public List<String> contextNames() {
    return contexts.stream().map(KubeContext::name).toList();
  }

  /** The context named {@code name}. */
  public Optional<KubeContext> context(String name) {
    return contexts.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /**
   * Looks up the cluster and user of context {@code name} and collects the warnings a user should
   * see before connecting.
   *
   * @throws KubeconfigException when the context, its cluster or its server is missing
   */
  public ResolvedContext resolve(String name) throws KubeconfigException {
    KubeContext ctx =
        context(name)
            .orElseThrow(
                () ->
                    new KubeconfigException(
                        "context \"" + name + "\" is not in the kubeconfig (" + files + ")"));
    KubeCluster cluster = clusters.get(ctx.cluster());
    if (cluster == null) {
      throw new KubeconfigException(
          "context \"" + name + "\" names cluster \"" + ctx.cluster() + "\", which is not defined");
    }
    if (cluster.server().isBlank()) {
      throw new KubeconfigException("cluster \"" + cluster.name() + "\" has no server");
    }
    List<String> warnings = new ArrayList<>();
    KubeUser defined = users.get(ctx.user());
    if (defined == null) {
      warnings.add("user \"" + ctx.user() + "\" is not defined: connecting without credentials");
    }
    KubeUser user = defined != null ? defined : KubeUser.anonymous(ctx.user(), cluster.definedIn());
    if (cluster.insecureSkipTlsVerify()) {
      warnings.add(
          "TLS verification is disabled for cluster \""
              + cluster.name()
              + "\" (insecure-skip-tls-verify): the API server's identity is not checked");
    }
    if (cluster.server().startsWith("http://")) {
      warnings.add("cluster \"" + cluster.name() + "\" is reached over plain HTTP");
    }
    user.authProvider()
        .filter(p -> user.authProviderIdToken().isEmpty())
        .ifPresent(
            p ->
                warnings.add(
                    "user \""
                        + user.name()
                        + "\" uses the removed auth-provider \""
                        + p
                        + "\": switch to its exec plugin (gke-gcloud-auth-plugin, kubelogin)"));
    if (user.username().isPresent()) {
      warnings.add("user \"" + user.name() + "\" uses basic authentication");
    }
    return new ResolvedContext(ctx, cluster, user, warnings);
  }
}
