package dev.meshcert.mesh.envoy;

import static dev.meshcert.mesh.envoy.JsonFields.object;
import static dev.meshcert.mesh.envoy.JsonFields.objects;
import static dev.meshcert.mesh.envoy.JsonFields.string;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.meshcert.core.read.ReadProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Walks a config dump tree into {@link SecretsDump}. One instance per dump. */
final class SecretsDumpParser {

  private static final String SECRETS_TYPE = "SecretsConfigDump";
  private static final List<String> SECRET_LISTS =
      List.of("dynamic_active_secrets", "dynamic_warming_secrets", "static_secrets");

  private final List<EnvoySecret> secrets = new ArrayList<>();
  private final List<String> configTypes = new ArrayList<>();
  private final List<ReadProblem> problems = new ArrayList<>();
  private boolean hasSecretsConfig;

  SecretsDump parse(JsonElement root) {
    if (root.isJsonObject()) {
      JsonObject top = root.getAsJsonObject();
      List<JsonObject> configs = objects(top, "configs");
      if (!configs.isEmpty()) {
        configs.forEach(this::config);
      } else if (isSecretsDump(top)) {
        secretsDump(top);
      }
    }
    return new SecretsDump(secrets, configTypes, hasSecretsConfig, problems);
  }

  private void config(JsonObject config) {
    String type = string(config, "@type").orElse("");
    configTypes.add(type.substring(type.lastIndexOf('.') + 1));
    if (type.endsWith(SECRETS_TYPE)) {
      secretsDump(config);
    }
  }

  private static boolean isSecretsDump(JsonObject object) {
    return string(object, "@type").orElse("").endsWith(SECRETS_TYPE)
        || SECRET_LISTS.stream().anyMatch(list -> JsonFields.get(object, list).isPresent());
  }

  private void secretsDump(JsonObject dump) {
    hasSecretsConfig = true;
    for (JsonObject s : objects(dump, "dynamic_active_secrets")) {
      secrets.add(secret(s, SecretStatus.ACTIVE));
    }
    for (JsonObject s : objects(dump, "dynamic_warming_secrets")) {
      secrets.add(secret(s, SecretStatus.WARMING));
    }
    for (JsonObject s : objects(dump, "static_secrets")) {
      secrets.add(secret(s, SecretStatus.STATIC));
    }
  }

  private EnvoySecret secret(JsonObject entry, SecretStatus status) {
    Optional<JsonObject> body = object(entry, "secret");
    String name =
        string(entry, "name").or(() -> body.flatMap(b -> string(b, "name"))).orElse("(unnamed)");
    String where = "secret " + name;
    List<SecretPart> parts = new ArrayList<>();
    Optional<String> privateKey = Optional.empty();
    if (body.isPresent()) {
      Optional<JsonObject> tls = object(body.get(), "tls_certificate");
      if (tls.isPresent()) {
        object(tls.get(), "certificate_chain")
            .ifPresent(
                ds ->
                    parts.add(
                        part(
                            SecretPart.Kind.CERT_CHAIN,
                            "tls_certificate.certificate_chain",
                            Optional.empty(),
                            ds,
                            where)));
        privateKey = PrivateKeys.describe(tls.get());
      }
      object(body.get(), "validation_context").ifPresent(vc -> validation(vc, where, parts));
    }
    return new EnvoySecret(
        name,
        status,
        string(entry, "version_info"),
        string(entry, "last_updated"),
        parts,
        privateKey);
  }

  private void validation(JsonObject context, String where, List<SecretPart> parts) {
    object(context, "trusted_ca")
        .filter(ds -> ds.size() > 0)
        .ifPresent(
            ds ->
                parts.add(
                    part(
                        SecretPart.Kind.TRUSTED_CA,
                        "validation_context.trusted_ca",
                        Optional.empty(),
                        ds,
                        where)));
    Optional<JsonObject> typed =
        object(context, "custom_validator_config").flatMap(c -> object(c, "typed_config"));
    if (typed.isEmpty()) {
      return;
    }
    List<JsonObject> domains = objects(typed.get(), "trust_domains");
    for (int i = 0; i < domains.size(); i++) {
      JsonObject domain = domains.get(i);
      String field = "validation_context.custom_validator_config.trust_domains[" + i + "]";
      Optional<JsonObject> bundle = object(domain, "trust_bundle");
      if (bundle.isEmpty()) {
        problems.add(new ReadProblem(where + ", " + field, "trust domain without trust_bundle"));
        continue;
      }
      parts.add(
          part(
              SecretPart.Kind.SPIFFE_BUNDLE,
              field + ".trust_bundle",
              string(domain, "name"),
              bundle.get(),
              where));
    }
  }

  private SecretPart part(
      SecretPart.Kind kind,
      String field,
      Optional<String> trustDomain,
      JsonObject dataSource,
      String where) {
    DataSources.Data data = DataSources.read(dataSource, where + ", " + field);
    problems.addAll(data.problems());
    return new SecretPart(kind, field, trustDomain, data.certificates(), data.external());
  }
}
