package dev.meshcert.kube;

import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;

/**
 * What every fabric8 mock API server of the tests shares: the Istio custom resource it serves, and
 * a kubeconfig whose one context points at it.
 */
public final class MockApiFixtures {

  /** The PeerAuthentication CRD, v1. */
  public static final CustomResourceDefinitionContext PEER_AUTHENTICATION_V1 =
      new CustomResourceDefinitionContext.Builder()
          .withGroup("security.istio.io")
          .withVersion("v1")
          .withPlural("peerauthentications")
          .withKind("PeerAuthentication")
          .withScope("Namespaced")
          .build();

  private MockApiFixtures() {}

  /**
   * A kubeconfig with one context, cluster and user, all named {@code name}, the current context:
   * the server at {@code url}, a bearer {@code token}.
   */
  public static String kubeconfig(String name, String url, String token) {
    return """
        apiVersion: v1
        kind: Config
        current-context: %1$s
        clusters:
        - name: %1$s
          cluster: {server: "%2$s"}
        users:
        - name: %1$s
          user: {token: %3$s}
        contexts:
        - name: %1$s
          context: {cluster: %1$s, user: %1$s}
        """
        .formatted(name, url, token);
  }
}
