package dev.meshcert.kube.pull;

import dev.meshcert.mesh.workload.Container;
import dev.meshcert.mesh.workload.Workload;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identity a Linkerd proxy requests: {@code LINKERD2_PROXY_IDENTITY_LOCAL_NAME} with its {@code
 * $(VAR)} references filled as the kubelet fills them, from the container's other variables and
 * from the pod fields the injector maps in ({@code _pod_sa}, {@code _pod_ns}, ...).
 */
final class LinkerdIdentity {

  static final String LOCAL_NAME = "LINKERD2_PROXY_IDENTITY_LOCAL_NAME";
  static final String TRUST_ANCHORS = "LINKERD2_PROXY_IDENTITY_TRUST_ANCHORS";
  private static final Pattern REFERENCE =
      Pattern.compile("\\$\\$|\\$\\(([A-Za-z_][A-Za-z0-9_.-]*)\\)");

  private LinkerdIdentity() {}

  /**
   * The proxy's identity; without the variable (or with references nothing fills), the name Linkerd
   * derives: {@code <sa>.<ns>.serviceaccount.identity.<control-plane ns>.<trust domain>}.
   */
  static String localName(Workload pod, Container proxy) {
    Map<String, String> vars = new HashMap<>(proxy.env());
    vars.putIfAbsent("_pod_sa", pod.serviceAccount());
    vars.putIfAbsent("_pod_ns", pod.namespace());
    vars.putIfAbsent("_pod_name", pod.name());
    pod.node().ifPresent(n -> vars.putIfAbsent("_pod_nodeName", n));
    pod.podIp().ifPresent(ip -> vars.putIfAbsent("_pod_ip", ip));
    Optional<String> filled =
        Optional.ofNullable(proxy.env().get(LOCAL_NAME)).map(v -> fill(v, vars)).map(String::strip);
    if (filled.isPresent() && !filled.get().isEmpty() && !filled.get().contains("$(")) {
      return filled.get();
    }
    return pod.serviceAccount()
        + "."
        + pod.namespace()
        + ".serviceaccount.identity."
        + vars.getOrDefault("_l5d_ns", "linkerd")
        + "."
        + vars.getOrDefault("_l5d_trustdomain", "cluster.local");
  }

  /** Kubernetes' expansion: $(NAME) when NAME is known, $$ is $, anything else stays. */
  static String fill(String value, Map<String, String> vars) {
    Matcher m = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group().equals("$$")) {
        replacement = "$";
      } else {
        replacement = vars.getOrDefault(m.group(1), m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
