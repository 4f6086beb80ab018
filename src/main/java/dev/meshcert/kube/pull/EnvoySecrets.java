package dev.meshcert.kube.pull;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.mesh.envoy.EnvoySecret;
import dev.meshcert.mesh.envoy.SecretPart;
import dev.meshcert.mesh.envoy.SecretStatus;
import dev.meshcert.mesh.envoy.SecretsDump;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The workload chain and the roots of an Istio sidecar's Envoy config dump: the active secret
 * {@code default} (its certificate chain) and {@code ROOTCA} (its trusted CA), as istioctl {@code
 * proxy-config secret} shows them.
 */
final class EnvoySecrets {

  static final String WORKLOAD_SECRET = "default";
  static final String ROOT_SECRET = "ROOTCA";

  private EnvoySecrets() {}

  /**
   * Whether {@code json} is JSON cut short: it reads well up to its end and needs more there (an
   * unterminated string, an object or array not closed).
   */
  static boolean endsMidJson(byte[] json) {
    try {
      JsonParser.parseString(new String(json, StandardCharsets.UTF_8));
      return false;
    } catch (JsonParseException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String message = String.valueOf(cause.getMessage());
      return cause instanceof java.io.EOFException
          || message.startsWith("Unterminated")
          || message.contains("End of input");
    }
  }

  static PulledChain read(byte[] json, String source) throws Strategy.PullException {
    JsonElement root;
    try {
      root = JsonParser.parseString(new String(json, StandardCharsets.UTF_8));
    } catch (JsonParseException e) {
      throw new Strategy.PullException("the answer is not a JSON config dump: " + e.getMessage());
    }
    SecretsDump dump = SecretsDump.of(root);
    if (!dump.hasSecretsConfig() && dump.secrets().isEmpty()) {
      throw new Strategy.PullException("the config dump has no secrets (SecretsConfigDump)");
    }
    List<String> notes = new ArrayList<>();
    dump.problems().forEach(p -> notes.add(p.toString()));
    Optional<EnvoySecret> workload = find(dump, WORKLOAD_SECRET, SecretStatus.ACTIVE);
    if (workload.isEmpty()) {
      workload =
          dump.secrets().stream()
              .filter(s -> s.status() == SecretStatus.ACTIVE)
              .filter(
                  s ->
                      s.part(SecretPart.Kind.CERT_CHAIN)
                          .map(p -> !p.certificates().isEmpty())
                          .orElse(false))
              .findFirst();
    }
    if (workload.isEmpty()) {
      boolean warming = find(dump, WORKLOAD_SECRET, SecretStatus.WARMING).isPresent();
      throw new Strategy.PullException(
          warming
              ? "the workload certificate (secret \"default\") is still warming: the proxy has not"
                  + " received it from istiod"
              : "the config dump has no active workload certificate (secret \"default\")");
    }
    List<CertificateFacts> chain =
        workload
            .get()
            .part(SecretPart.Kind.CERT_CHAIN)
            .map(SecretPart::certificates)
            .orElse(List.of());
    List<CertificateFacts> roots = new ArrayList<>();
    dump.secrets().stream()
        .filter(s -> s.status() == SecretStatus.ACTIVE)
        .flatMap(s -> s.parts().stream())
        .filter(p -> p.kind() != SecretPart.Kind.CERT_CHAIN)
        .flatMap(p -> p.certificates().stream())
        .filter(c -> roots.stream().noneMatch(r -> r.sha256().equals(c.sha256())))
        .forEach(roots::add);
    dump.secrets().stream()
        .filter(s -> s.status() == SecretStatus.WARMING)
        .forEach(s -> notes.add("secret \"" + s.name() + "\" is warming"));
    return new PulledChain(
        source, chain, roots, Optional.of(workload.get().status().name()), Optional.empty(), notes);
  }

  private static Optional<EnvoySecret> find(SecretsDump dump, String name, SecretStatus status) {
    return dump.secrets().stream()
        .filter(s -> s.name().equals(name) && s.status() == status)
        .filter(s -> status != SecretStatus.ACTIVE || s.hasCertificates())
        .findFirst();
  }
}
