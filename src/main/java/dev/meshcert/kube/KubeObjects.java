package dev.meshcert.kube;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.meshcert.mesh.workload.ConfigMapData;
import dev.meshcert.mesh.workload.Namespace;
import dev.meshcert.mesh.workload.Workload;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Kubernetes objects read from text that {@code kubectl get -o yaml|json} wrote (an {@code istioctl
 * bug-report}'s {@code cluster/k8s-resources}): namespaces, pods and ConfigMaps become {@code mesh}
 * records the same way listed objects do. Objects that cannot be read become problems. Pure.
 */
public final class KubeObjects {

  /**
   * What was read.
   *
   * @param namespaces the Namespace objects
   * @param pods the Pod objects
   * @param configMaps the ConfigMap objects
   * @param problems objects that could not be read, one line each
   */
  public record Read(
      List<Namespace> namespaces,
      List<Workload> pods,
      List<ConfigMapData> configMaps,
      List<String> problems) {

    /** Copies the lists. */
    public Read {
      namespaces = List.copyOf(namespaces);
      pods = List.copyOf(pods);
      configMaps = List.copyOf(configMaps);
      problems = List.copyOf(problems);
    }
  }

  private KubeObjects() {}

  /** Reads every document of {@code text} and the items of its lists. */
  public static Read read(String text) {
    List<Namespace> namespaces = new ArrayList<>();
    List<Workload> pods = new ArrayList<>();
    List<ConfigMapData> configMaps = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setMaxAliasesForCollections(50);
    Gson gson = new JSON().getGson();
    try {
      for (Object doc : new Yaml(new SafeConstructor(options)).loadAll(text)) {
        List<JsonObject> objects = new ArrayList<>();
        collect(tree(doc), objects);
        for (JsonObject o : objects) {
          String kind = o.has("kind") ? o.get("kind").getAsString() : "";
          try {
            switch (kind) {
              case "Pod" -> pods.add(ObjectConverter.pod(gson.fromJson(o, V1Pod.class)));
              case "Namespace" ->
                  namespaces.add(ObjectConverter.namespace(gson.fromJson(o, V1Namespace.class)));
              case "ConfigMap" ->
                  configMaps.add(ObjectConverter.configMap(gson.fromJson(o, V1ConfigMap.class)));
              default -> {
                // other kinds are not needed
              }
            }
          } catch (RuntimeException e) {
            problems.add(kind + " " + name(o) + " cannot be read: " + e.getMessage());
          }
        }
      }
    } catch (RuntimeException e) {
      problems.add("the YAML cannot be read: " + e.getMessage());
    }
    return new Read(namespaces, pods, configMaps, problems);
  }

  private static void collect(JsonElement e, List<JsonObject> out) {
    if (!e.isJsonObject()) {
      return;
    }
    JsonObject o = e.getAsJsonObject();
    if (o.has("items") && o.get("items").isJsonArray()) {
      o.getAsJsonArray("items").forEach(i -> collect(i, out));
    } else if (o.has("kind")) {
      out.add(o);
    }
  }

  private static String name(JsonObject o) {
    JsonElement meta = o.get("metadata");
    if (meta != null && meta.isJsonObject() && meta.getAsJsonObject().has("name")) {
      JsonObject m = meta.getAsJsonObject();
      return (m.has("namespace") ? m.get("namespace").getAsString() + "/" : "")
          + m.get("name").getAsString();
    }
    return "(unnamed)";
  }

  /** SnakeYAML's tree as JSON; timestamps back to RFC 3339 text. */
  private static JsonElement tree(Object node) {
    if (node == null) {
      return JsonNull.INSTANCE;
    }
    if (node instanceof Map<?, ?> map) {
      JsonObject o = new JsonObject();
      map.forEach((k, v) -> o.add(String.valueOf(k), tree(v)));
      return o;
    }
    if (node instanceof List<?> list) {
      JsonArray a = new JsonArray();
      list.forEach(v -> a.add(tree(v)));
      return a;
    }
    if (node instanceof Date d) {
      return new JsonPrimitive(d.toInstant().toString());
    }
    if (node instanceof Boolean b) {
      return new JsonPrimitive(b);
    }
    if (node instanceof Number n) {
      return new JsonPrimitive(n);
    }
    if (node instanceof byte[] bytes) {
      return new JsonPrimitive(java.util.Base64.getEncoder().encodeToString(bytes));
    }
    return new JsonPrimitive(String.valueOf(node));
  }
}
