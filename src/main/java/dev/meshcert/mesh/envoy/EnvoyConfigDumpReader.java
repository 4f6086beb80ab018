package dev.meshcert.mesh.envoy;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.read.CertificateEntry;
import dev.meshcert.core.read.FormatReader;
import dev.meshcert.core.read.InputFormat;
import dev.meshcert.core.read.MetadataEntry;
import dev.meshcert.core.read.PasswordProvider;
import dev.meshcert.core.read.ReadProblem;
import dev.meshcert.core.read.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the certificates of an Envoy {@code /config_dump}: served as is (snake_case, possibly after
 * HTTP headers), as {@code istioctl proxy-config secret|all -o json|yaml} prints it (camelCase),
 * whole or just its {@code SecretsConfigDump}. Each certificate carries its secret's name, status,
 * type, trust domain and versions as context (keys in {@link DumpContext}); secrets without
 * certificates become metadata entries. Private keys are described, never kept. Stateless.
 */
public final class EnvoyConfigDumpReader implements FormatReader {

  private static final List<String> MARKERS =
      List.of(
          "envoy.admin.v3.",
          "envoy.admin.v2alpha.",
          "dynamic_active_secrets",
          "dynamicActiveSecrets",
          "dynamic_warming_secrets",
          "dynamicWarmingSecrets",
          "static_secrets",
          "staticSecrets");

  @Override
  public InputFormat format() {
    return InputFormat.ENVOY_CONFIG_DUMP;
  }

  @Override
  public boolean accepts(byte[] content) {
    return AdminDocument.mayBeDocument(content)
        && MARKERS.stream().anyMatch(m -> JsonFields.contains(content, m));
  }

  @Override
  public Source read(String name, byte[] content, PasswordProvider passwords) {
    AdminDocument document = AdminDocument.parse(content);
    List<ReadProblem> problems = new ArrayList<>(document.problems());
    List<CertificateEntry> certificates = new ArrayList<>();
    List<MetadataEntry> metadata = new ArrayList<>();
    document
        .tree()
        .ifPresent(
            tree -> {
              SecretsDump dump = SecretsDump.of(tree);
              problems.addAll(dump.problems());
              dump.secrets().forEach(s -> add(s, certificates, metadata));
              if (dump.secrets().isEmpty()) {
                metadata.add(noSecrets(dump));
              }
            });
    return new Source(name, format(), certificates, List.of(), metadata, problems);
  }

  private static void add(
      EnvoySecret secret, List<CertificateEntry> certificates, List<MetadataEntry> metadata) {
    for (SecretPart part : secret.parts()) {
      List<CertificateFacts> certs = part.certificates();
      for (int i = 0; i < certs.size(); i++) {
        Map<String, String> context = context(secret, part);
        context.put(DumpContext.POSITION, (i + 1) + " of " + certs.size());
        String location =
            "secret " + secret.name() + ", " + part.field() + ", certificate " + (i + 1);
        certificates.add(new CertificateEntry(certs.get(i), location, context));
      }
      part.external()
          .ifPresent(
              where -> {
                Map<String, String> fields = context(secret, part);
                fields.put("data", where);
                metadata.add(new MetadataEntry("secret " + secret.name(), fields));
              });
    }
    if (secret.parts().isEmpty()) {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put(DumpContext.SECRET, secret.name());
      fields.put(DumpContext.STATUS, secret.status().name());
      secret.versionInfo().ifPresent(v -> fields.put(DumpContext.VERSION_INFO, v));
      secret.lastUpdated().ifPresent(v -> fields.put(DumpContext.LAST_UPDATED, v));
      fields.put("data", "none: Envoy has not received this secret yet");
      metadata.add(new MetadataEntry("secret " + secret.name(), fields));
    }
  }

  private static Map<String, String> context(EnvoySecret secret, SecretPart part) {
    Map<String, String> context = new LinkedHashMap<>();
    context.put(DumpContext.SECRET, secret.name());
    context.put(DumpContext.STATUS, secret.status().name());
    context.put(DumpContext.TYPE, part.kind().label());
    part.trustDomain().ifPresent(td -> context.put(DumpContext.TRUST_DOMAIN, td));
    secret.versionInfo().ifPresent(v -> context.put(DumpContext.VERSION_INFO, v));
    secret.lastUpdated().ifPresent(v -> context.put(DumpContext.LAST_UPDATED, v));
    if (part.kind() == SecretPart.Kind.CERT_CHAIN) {
      secret.privateKey().ifPresent(k -> context.put(DumpContext.PRIVATE_KEY, k));
    }
    return context;
  }

  private static MetadataEntry noSecrets(SecretsDump dump) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(
        "secrets",
        dump.hasSecretsConfig()
            ? "none: the SecretsConfigDump lists no secret"
            : "none: the dump has no SecretsConfigDump");
    if (!dump.configTypes().isEmpty()) {
      fields.put("configs", String.join(", ", dump.configTypes()));
    }
    return new MetadataEntry("config_dump", fields);
  }
}
