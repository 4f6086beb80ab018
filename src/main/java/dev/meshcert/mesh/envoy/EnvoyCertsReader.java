package dev.meshcert.mesh.envoy;

import static dev.meshcert.mesh.envoy.JsonFields.objects;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
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
import java.util.stream.Collectors;

/**
 * Reads Envoy's {@code /certs} admin output ({@code admin.v3.Certificates}): certificate details
 * without the certificates, so each {@code ca_cert[]} and {@code cert_chain[]} element becomes a
 * {@link MetadataEntry} with its fields as given (path, serial_number, subject_alt_names,
 * days_until_expiration, valid_from, expiration_time, ...). An Envoy holding no certificate ({@code
 * {"certificates": []}}) reads as one entry saying so, without problems. Stateless.
 */
public final class EnvoyCertsReader implements FormatReader {

  private static final List<String> MARKERS =
      List.of("ca_cert", "cert_chain", "days_until_expiration", "caCert", "daysUntilExpiration");
  private static final List<String> GROUPS = List.of("ca_cert", "cert_chain");

  @Override
  public InputFormat format() {
    return InputFormat.ENVOY_CERTS;
  }

  @Override
  public boolean accepts(byte[] content) {
    if (!AdminDocument.mayBeDocument(content)
        || !JsonFields.contains(content, "\"certificates\"")) {
      return false;
    }
    return MARKERS.stream().anyMatch(m -> JsonFields.contains(content, m)) || isEmptyList(content);
  }

  private static boolean isEmptyList(byte[] content) {
    if (content.length > 4096) {
      return false;
    }
    String body = AdminDocument.body(content, new ArrayList<>()).replaceAll("\\s", "");
    return body.equals("{\"certificates\":[]}");
  }

  @Override
  public Source read(String name, byte[] content, PasswordProvider passwords) {
    AdminDocument document = AdminDocument.parse(content);
    List<ReadProblem> problems = new ArrayList<>(document.problems());
    List<MetadataEntry> metadata = new ArrayList<>();
    document
        .tree()
        .ifPresent(
            tree -> {
              if (!tree.isJsonObject() || tree.getAsJsonObject().get("certificates") == null) {
                problems.add(new ReadProblem("", "no \"certificates\" list"));
                return;
              }
              List<JsonObject> groups = objects(tree.getAsJsonObject(), "certificates");
              for (int g = 0; g < groups.size(); g++) {
                String prefix = groups.size() == 1 ? "" : "certificates[" + g + "].";
                for (String group : GROUPS) {
                  List<JsonObject> details = objects(groups.get(g), group);
                  for (int i = 0; i < details.size(); i++) {
                    String title = prefix + group + "[" + i + "]";
                    metadata.add(new MetadataEntry(title, fields(details.get(i))));
                  }
                }
              }
              if (metadata.isEmpty()) {
                metadata.add(
                    new MetadataEntry(
                        "Envoy /certs",
                        Map.of(
                            "certificates",
                            "none: Envoy holds no certificate yet (for example, its workload is"
                                + " not registered with the SDS server)")));
              }
            });
    return new Source(name, format(), List.of(), List.of(), metadata, problems);
  }

  private static Map<String, String> fields(JsonObject details) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : details.entrySet()) {
      JsonElement v = e.getValue();
      String key = e.getKey();
      if (key.equals("subject_alt_names") || key.equals("subjectAltNames")) {
        fields.put(key, sans(v));
      } else if (v.isJsonPrimitive()) {
        fields.put(key, v.getAsString());
      } else if (!v.isJsonNull()) {
        fields.put(key, v.toString());
      }
    }
    return fields;
  }

  /** {@code [{"uri": "spiffe://a"}, {"dns": "b"}]} becomes "uri:spiffe://a, dns:b". */
  private static String sans(JsonElement names) {
    if (!names.isJsonArray()) {
      return names.toString();
    }
    List<String> out = new ArrayList<>();
    for (JsonElement n : names.getAsJsonArray()) {
      if (n.isJsonObject()) {
        out.add(
            n.getAsJsonObject().entrySet().stream()
                .map(e -> e.getKey() + ":" + text(e.getValue()))
                .collect(Collectors.joining(", ")));
      }
    }
    return String.join(", ", out);
  }

  private static String text(JsonElement e) {
    return e.isJsonPrimitive() ? e.getAsString() : e.toString();
  }
}
