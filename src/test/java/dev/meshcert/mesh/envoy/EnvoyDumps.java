package dev.meshcert.mesh.envoy;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Builds Envoy secrets dumps in tests, shaped as Envoy serves them (snake_case). */
public final class EnvoyDumps {

  private EnvoyDumps() {}

  /** {@code {"configs": [{"@type": SecretsConfigDump, "dynamic_active_secrets": [...]}]}}. */
  public static JsonObject activeSecrets(JsonObject... secrets) {
    JsonObject dump = new JsonObject();
    dump.addProperty("@type", "type.googleapis.com/envoy.admin.v3.SecretsConfigDump");
    JsonArray active = new JsonArray();
    for (JsonObject s : secrets) {
      active.add(s);
    }
    dump.add("dynamic_active_secrets", active);
    JsonArray configs = new JsonArray();
    configs.add(dump);
    JsonObject root = new JsonObject();
    root.add("configs", configs);
    return root;
  }

  /** A dynamic secret entry with a tls_certificate whose chain is inline_bytes of {@code pem}. */
  public static JsonObject tlsSecret(String name, String pem) {
    JsonObject tls = new JsonObject();
    tls.add("certificate_chain", inlineBytes(pem));
    tls.add("private_key", inlineBytes("[redacted]"));
    JsonObject body = new JsonObject();
    body.add("tls_certificate", tls);
    return entry(name, body);
  }

  /** A dynamic secret entry with a validation_context trusted_ca of {@code pem}. */
  public static JsonObject caSecret(String name, String pem) {
    JsonObject context = new JsonObject();
    context.add("trusted_ca", inlineBytes(pem));
    JsonObject body = new JsonObject();
    body.add("validation_context", context);
    return entry(name, body);
  }

  /** A secret as SPIRE serves it: empty trusted_ca, one SPIFFE bundle per trust domain. */
  public static JsonObject spiffeSecret(String name, Map<String, String> pemByTrustDomain) {
    JsonArray domains = new JsonArray();
    pemByTrustDomain.forEach(
        (td, pem) -> {
          JsonObject domain = new JsonObject();
          domain.addProperty("name", td);
          domain.add("trust_bundle", inlineBytes(pem));
          domains.add(domain);
        });
    JsonObject typed = new JsonObject();
    typed.addProperty(
        "@type",
        "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.SPIFFECertValidatorConfig");
    typed.add("trust_domains", domains);
    JsonObject validator = new JsonObject();
    validator.addProperty("name", "envoy.tls.cert_validator.spiffe");
    validator.add("typed_config", typed);
    JsonObject context = new JsonObject();
    context.add("trusted_ca", new JsonObject());
    context.add("custom_validator_config", validator);
    JsonObject body = new JsonObject();
    body.add("validation_context", context);
    return entry(name, body);
  }

  /**
   * {@code {"name": name, "last_updated": ..., "secret": {"@type": Secret, "name": name, ...}}}.
   */
  public static JsonObject entry(String name, JsonObject body) {
    body.addProperty(
        "@type", "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret");
    body.addProperty("name", name);
    JsonObject entry = new JsonObject();
    entry.addProperty("name", name);
    entry.addProperty("version_info", "2026-12-03T23:00:00Z/7");
    entry.addProperty("last_updated", "2026-12-03T23:00:01.250Z");
    entry.add("secret", body);
    return entry;
  }

  /** {@code {"inline_bytes": base64(text)}}. */
  public static JsonObject inlineBytes(String text) {
    JsonObject ds = new JsonObject();
    ds.addProperty(
        "inline_bytes", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    return ds;
  }

  /** The same tree with every snake_case member name in lowerCamelCase, as istioctl prints. */
  public static JsonElement camelCase(JsonElement e) {
    if (e.isJsonObject()) {
      JsonObject out = new JsonObject();
      e.getAsJsonObject()
          .entrySet()
          .forEach(m -> out.add(JsonFields.camel(m.getKey()), camelCase(m.getValue())));
      return out;
    }
    if (e.isJsonArray()) {
      JsonArray out = new JsonArray();
      e.getAsJsonArray().forEach(x -> out.add(camelCase(x)));
      return out;
    }
    return e;
  }

  /** The camelCase form of a snake_case JSON document. */
  public static byte[] camelCase(byte[] snakeJson) {
    JsonElement tree = JsonParser.parseString(new String(snakeJson, StandardCharsets.UTF_8));
    return json(camelCase(tree));
  }

  /** Pretty JSON bytes. */
  public static byte[] json(JsonElement e) {
    return new GsonBuilder()
        .setPrettyPrinting()
        .create()
        .toJson(e)
        .getBytes(StandardCharsets.UTF_8);
  }
}
