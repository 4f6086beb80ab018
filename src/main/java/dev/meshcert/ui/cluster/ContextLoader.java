package dev.meshcert.ui.cluster;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.ui.common.Messages;
import java.util.List;
import java.util.Optional;

/**
 * Reads the kubeconfig, connects to a context and scans a namespace scope, off the FX thread. When
 * listing every namespace is forbidden it falls back to the context's namespace and says so; the
 * person can then type another namespace.
 */
final class ContextLoader {

  /**
   * What a read produced.
   *
   * @param connection the open connection
   * @param picture the scan and what the screen shows of it, worked out off the FX thread
   * @param scope the scope actually read (after a fallback, the context's namespace)
   * @param notes what the person should know about the read (the fallback)
   */
  record Loaded(
      ClusterConnection connection,
      ClusterPicture picture,
      NamespaceScope scope,
      List<String> notes) {
    Loaded {
      notes = List.copyOf(notes);
    }
  }

  /**
   * What the kubeconfig offers.
   *
   * @param contexts context names in kubeconfig order
   * @param problems what could not be read in it
   * @param current the current context, when one is set and defined
   */
  record Kubeconfig(List<String> contexts, List<String> problems, Optional<String> current) {
    Kubeconfig {
      contexts = List.copyOf(contexts);
      problems = List.copyOf(problems);
    }
  }

  private final ClusterService service;
  private final Messages messages;

  ContextLoader(ClusterService service, Messages messages) {
    this.service = service;
    this.messages = messages;
  }

  /** Blocking: reads the kubeconfig (files, so never on the FX thread). */
  Kubeconfig kubeconfig() {
    return new Kubeconfig(
        service.contexts(), service.kubeconfigProblems(), service.currentContext());
  }

  /** Blocking: connects (may run credential plugins) and scans. */
  Loaded load(ContextChoice choice, String namespace, Cancellation cancel) throws KubeException {
    ClusterConnection c = service.connect(choice);
    NamespaceScope scope =
        namespace.isEmpty() ? NamespaceScope.all() : NamespaceScope.of(namespace);
    try {
      return new Loaded(c, picture(service.scan(c, scope, cancel)), scope, List.of());
    } catch (KubeException e) {
      if (!(e.failure() instanceof KubeFailure.Forbidden f) || !scope.isAll()) {
        throw e;
      }
      String own = c.defaultNamespace().orElse("default");
      NamespaceScope fallback = NamespaceScope.of(own);
      String note = messages.get("cluster.problem.forbiddenAll", f.title(), own);
      return new Loaded(c, picture(service.scan(c, fallback, cancel)), fallback, List.of(note));
    }
  }

  private ClusterPicture picture(MeshSnapshot s) {
    return ClusterPicture.of(s, null, messages);
  }

  /** Whether {@code error} means no cluster can be reached at all (so the demo may stand in). */
  static boolean unreachable(Throwable error) {
    return error instanceof KubeException k
        && (k.failure() instanceof KubeFailure.Unreachable
            || k.failure() instanceof KubeFailure.TlsFailure
            || k.failure() instanceof KubeFailure.Timeout
            || k.failure() instanceof KubeFailure.CredentialsUnavailable
            || k.failure() instanceof KubeFailure.BadKubeconfig);
  }
}
