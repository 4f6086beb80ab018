package dev.meshcert.kube.demo;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What the demo's proxies answer on their admin ports, in the formats of the real ones: Envoy's
 * {@code SecretsConfigDump} (secrets "default" and "ROOTCA", private key redacted as Envoy does)
 * and ztunnel's {@code config_dump} with its {@code certificates}.
 */
final class DemoAdmin {

  private DemoAdmin() {}

  /** Envoy's secrets dump for a workload chain and the root bundle the proxy holds. */
  static String envoySecrets(List<DemoPki.Issued> chain, String heldRoots, Instant updated) {
    StringBuilder pem = new StringBuilder();
    chain.forEach(c -> pem.append(c.pem()));
    JsonObject defaultSecret = new JsonObject();
    defaultSecret.addProperty(
        "@type", "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret");
    defaultSecret.addProperty("name", "default");
    JsonObject tls = new JsonObject();
    tls.add("certificate_chain", bytes(pem.toString()));
    JsonObject key = new JsonObject();
    key.addProperty("inline_string", "[redacted]");
    tls.add("private_key", key);
    defaultSecret.add("tls_certificate", tls);
    JsonObject root = new JsonObject();
    root.addProperty(
        "@type", "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret");
    root.addProperty("name", "ROOTCA");
    JsonObject validation = new JsonObject();
    validation.add("trusted_ca", bytes(heldRoots));
    root.add("validation_context", validation);
    JsonArray active = new JsonArray();
    active.add(entry("default", defaultSecret, updated));
    active.add(entry("ROOTCA", root, updated));
    JsonObject secrets = new JsonObject();
    secrets.addProperty("@type", "type.googleapis.com/envoy.admin.v3.SecretsConfigDump");
    secrets.add("dynamic_active_secrets", active);
    return configs(secrets);
  }

  /** What an Istio 1.4 sidecar's Envoy dumps: no SDS secrets (certificates are files). */
  static String envoyWithoutSecrets() {
    JsonObject bootstrap = new JsonObject();
    bootstrap.addProperty("@type", "type.googleapis.com/envoy.admin.v3.BootstrapConfigDump");
    return configs(bootstrap);
  }

  /** ztunnel's dump: one Available certificate per identity, chain then root. */
  static String ztunnel(Map<String, List<DemoPki.Issued>> byIdentity) {
    JsonArray certificates = new JsonArray();
    byIdentity.forEach(
        (identity, chain) -> {
          JsonObject entry = new JsonObject();
          entry.addProperty("identity", identity);
          entry.addProperty("state", "Available");
          JsonArray certChain = new JsonArray();
          JsonArray rootCert = new JsonArray();
          for (int i = 0; i < chain.size(); i++) {
            (i == chain.size() - 1 && chain.size() > 1 ? rootCert : certChain)
                .add(element(chain.get(i)));
          }
          entry.add("certChain", certChain);
          entry.add("rootCert", rootCert);
          certificates.add(entry);
        });
    JsonObject dump = new JsonObject();
    dump.add("workloads", new JsonArray());
    dump.add("certificates", certificates);
    return dump.toString();
  }

  private static JsonObject element(DemoPki.Issued c) {
    JsonObject o = new JsonObject();
    o.addProperty("pem", c.pem());
    o.addProperty("serialNumber", c.holder().getSerialNumber().toString());
    o.addProperty(
        "validFrom", DateTimeFormatter.ISO_INSTANT.format(c.holder().getNotBefore().toInstant()));
    o.addProperty(
        "expirationTime",
        DateTimeFormatter.ISO_INSTANT.format(c.holder().getNotAfter().toInstant()));
    return o;
  }

  private static String configs(JsonObject config) {
    JsonArray configs = new JsonArray();
    configs.add(config);
    JsonObject dump = new JsonObject();
    dump.add("configs", configs);
    return dump.toString();
  }

  private static JsonObject entry(String name, JsonObject secret, Instant updated) {
    JsonObject o = new JsonObject();
    o.addProperty("name", name);
    o.addProperty("version_info", DateTimeFormatter.ISO_INSTANT.format(updated));
    o.addProperty("last_updated", DateTimeFormatter.ISO_INSTANT.format(updated));
    o.add("secret", secret);
    return o;
  }

  private static JsonObject bytes(String text) {
    JsonObject o = new JsonObject();
    o.addProperty(
        "inline_bytes", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    return o;
  }
}
