package dev.meshcert.core.finding;

/**
 * The Kubernetes identity a workload certificate should carry: the pod's namespace and service
 * account.
 *
 * @param namespace the pod's namespace, not empty
 * @param serviceAccount the pod's service account name, not empty
 */
public record ExpectedIdentity(String namespace, String serviceAccount) {

  public ExpectedIdentity {
    if (namespace.isEmpty() || serviceAccount.isEmpty()) {
      throw new IllegalArgumentException("namespace and service account must not be empty");
    }
  }

  @Override
  public String toString() {
    return namespace + "/" + serviceAccount;
  }
}
