package dev.meshcert.kube;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.meshcert.core.read.SafeYaml;
import dev.meshcert.mesh.policy.DestinationRule;
import dev.meshcert.mesh.policy.DestinationRuleParser;
import dev.meshcert.mesh.policy.ParsedPeerAuthentication;
import dev.meshcert.mesh.policy.PeerAuthenticationParser;
import dev.meshcert.mesh.workload.ConfigMapData;
import dev.meshcert.mesh.workload.Namespace;
import dev.meshcert.mesh.workload.SecretInfo;
import dev.meshcert.mesh.workload.ServiceInfo;
import dev.meshcert.mesh.workload.Workload;
import dev.meshcert.mesh.workload.WorkloadResource;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Kubernetes objects read from text that {@code kubectl get -o yaml|json} wrote (an {@code istioctl
 * bug-report}'s {@code cluster/k8s-resources}, {@code cluster/crs} and {@code cluster/secrets}):
 * namespaces, pods, controllers, Services, ConfigMaps, Secrets (names and key names only),
 * PeerAuthentications and DestinationRules become {@code mesh} records the same way listed objects
 * do. Of the Secrets a scan reads roots from ({@link #ROOT_SECRETS} and {@code kubernetes.io/tls}),
 * written in full ({@code --full-secrets}), the certificate entries are kept as a live read keeps
 * them ({@link SecretCertificates}: private key values dropped at once). Objects that cannot be
 * read become problems. Pure.
 */
public final class KubeObjects {

  /** The CA Secrets whose certificates a scan reads as roots, by name. */
  public static final Set<String> ROOT_SECRETS =
      Set.of("istio-ca-secret", "cacerts", "linkerd-identity-issuer");

  /** The Secret type whose certificates a scan reads too. */
  public static final String TLS_SECRET = "kubernetes.io/tls";

  /**
   * What was read.
   *
   * @param namespaces the Namespace objects
   * @param pods the Pod objects
   * @param configMaps the ConfigMap objects
   * @param controllers the Deployments, StatefulSets and DaemonSets
   * @param services the Service objects
   * @param secrets the Secret objects: name, type and key names, never the values
   * @param secretCertificates the certificate entries of the root and TLS Secrets written in full,
   *     without private keys
   * @param policies the PeerAuthentication objects, valid or not
   * @param destinationRules the DestinationRule objects that could be read
   * @param problems objects that could not be read, one line each
   */
  public record Read(
      List<Namespace> namespaces,
      List<Workload> pods,
      List<ConfigMapData> configMaps,
      List<WorkloadResource> controllers,
      List<ServiceInfo> services,
      List<SecretInfo> secrets,
      List<SecretCertificates> secretCertificates,
      List<ParsedPeerAuthentication> policies,
      List<DestinationRule> destinationRules,
      List<String> problems) {

    /** Copies the lists. */
    public Read {
      namespaces = List.copyOf(namespaces);
      pods = List.copyOf(pods);
      configMaps = List.copyOf(configMaps);
      controllers = List.copyOf(controllers);
      services = List.copyOf(services);
      secrets = List.copyOf(secrets);
      secretCertificates = List.copyOf(secretCertificates);
      policies = List.copyOf(policies);
      destinationRules = List.copyOf(destinationRules);
      problems = List.copyOf(problems);
    }

    /** Nothing read. */
    public static Read empty() {
      return new Read(
          List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
          List.of(), List.of());
    }

    /** This and {@code other} together, this first. */
    public Read plus(Read other) {
      return new Read(
          concat(namespaces, other.namespaces),
          concat(pods, other.pods),
          concat(configMaps, other.configMaps),
          concat(controllers, other.controllers),
          concat(services, other.services),
          concat(secrets, other.secrets),
          concat(secretCertificates, other.secretCertificates),
          concat(policies, other.policies),
          concat(destinationRules, other.destinationRules),
          concat(problems, other.problems));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
      List<T> out = new ArrayList<>(a);
      out.addAll(b);
      return out;
    }
  }

  private KubeObjects() {}

  /**
   * Reads every document of {@code text} and the items of its lists, through {@link SafeYaml} (its
   * limits on size, aliases and nesting; a text past one is a problem and nothing is read).
   */
  public static Read read(String text) {
    Found found = new Found();
    List<String> problems = found.problems;
    Gson gson = new JSON().getGson();
    List<Object> docs;
    try {
      docs = SafeYaml.loadAll(text);
    } catch (YAMLException e) {
      problems.add("the YAML cannot be read: " + e.getMessage());
      return found.read();
    }
    try {
      for (Object doc : docs) {
        List<JsonObject> objects = new ArrayList<>();
        collect(tree(doc), objects);
        for (JsonObject o : objects) {
          String kind = o.has("kind") ? o.get("kind").getAsString() : "";
          try {
            found.add(kind, o, gson);
          } catch (RuntimeException e) {
            problems.add(kind + " " + name(o) + " cannot be read: " + e.getMessage());
          }
        }
      }
    } catch (RuntimeException e) {
      problems.add("the objects cannot be read: " + e.getMessage());
    }
    return found.read();
  }

  /**
   * The Secrets {@code kubectl get secrets --all-namespaces} listed: its table (NAMESPACE, NAME,
   * TYPE, DATA, AGE; no key names) or, with {@code -o yaml}, the objects (key names, and the
   * certificate entries of root and TLS Secrets without their keys).
   */
  public static Read secrets(String text) {
    String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    if (!first.startsWith("NAMESPACE")) {
      return read(text);
    }
    List<SecretInfo> secrets = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    text.lines()
        .skip(1)
        .filter(l -> !l.isBlank())
        .forEach(
            line -> {
              String[] columns = line.strip().split("\\s+");
              if (columns.length >= 3) {
                secrets.add(new SecretInfo(columns[0], columns[1], columns[2], Set.of()));
              } else {
                problems.add("a line of the Secret list cannot be read: " + line.strip());
              }
            });
    return new Read(
        List.of(), List.of(), List.of(), List.of(), List.of(), secrets, List.of(), List.of(),
        List.of(), problems);
  }

  /** What one text holds, sorted by kind. */
  private static final class Found {
    final List<Namespace> namespaces = new ArrayList<>();
    final List<Workload> pods = new ArrayList<>();
    final List<ConfigMapData> configMaps = new ArrayList<>();
    final List<WorkloadResource> controllers = new ArrayList<>();
    final List<ServiceInfo> services = new ArrayList<>();
    final List<SecretInfo> secrets = new ArrayList<>();
    final List<SecretCertificates> certificates = new ArrayList<>();
    final List<ParsedPeerAuthentication> policies = new ArrayList<>();
    final List<DestinationRule> rules = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    void add(String kind, JsonObject o, Gson gson) {
      switch (kind) {
        case "Pod" -> pods.add(ObjectConverter.pod(gson.fromJson(o, V1Pod.class)));
        case "Namespace" ->
            namespaces.add(ObjectConverter.namespace(gson.fromJson(o, V1Namespace.class)));
        case "ConfigMap" ->
            configMaps.add(ObjectConverter.configMap(gson.fromJson(o, V1ConfigMap.class)));
        case "Deployment" ->
            controllers.add(ObjectConverter.deployment(gson.fromJson(o, V1Deployment.class)));
        case "StatefulSet" ->
            controllers.add(ObjectConverter.statefulSet(gson.fromJson(o, V1StatefulSet.class)));
        case "DaemonSet" ->
            controllers.add(ObjectConverter.daemonSet(gson.fromJson(o, V1DaemonSet.class)));
        case "Service" -> services.add(ObjectConverter.service(gson.fromJson(o, V1Service.class)));
        case "Secret" -> secret(o, gson);
        case "PeerAuthentication" ->
            policies.add(PeerAuthenticationParser.parse(gson.fromJson(o, Map.class), ""));
        case "DestinationRule" ->
            DestinationRuleParser.parse(gson.fromJson(o, Map.class), "").ifPresent(rules::add);
        default -> {
          // other kinds are not needed
        }
      }
    }

    /** Its name, type and key names; the certificates too of a root or TLS Secret in full. */
    void secret(JsonObject o, Gson gson) {
      SecretInfo info = ObjectConverter.secret(o, "");
      secrets.add(info);
      boolean roots = ROOT_SECRETS.contains(info.name()) || TLS_SECRET.equals(info.type());
      if (roots && o.has("data") && o.get("data").isJsonObject()) {
        certificates.add(
            LivePodAccess.withoutKeys(gson.fromJson(o, V1Secret.class), info.namespace()));
      }
    }

    Read read() {
      return new Read(
          namespaces,
          pods,
          configMaps,
          controllers,
          services,
          secrets,
          certificates,
          policies,
          rules,
          problems);
    }
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
