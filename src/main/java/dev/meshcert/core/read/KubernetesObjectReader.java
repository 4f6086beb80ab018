package dev.meshcert.core.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads Kubernetes objects as YAML or JSON: one object, several YAML documents, or a list ({@code
 * kind: List}, {@code SecretList}, ...). Secrets ({@code data} base64, {@code stringData} plain)
 * and ConfigMaps ({@code data} plain, {@code binaryData} base64) give every key holding PEM, DER,
 * PKCS#7, PKCS#12 or JKS; the well-known keys ({@code tls.crt}, {@code ca.crt}, {@code
 * root-cert.pem}, {@code cert-chain.pem}, ...) are reported when they hold nothing readable. Other
 * kinds give any string value holding PEM (a trust anchor in a Deployment's env). Locations read
 * like "Secret istio-system/cacerts data.ca-cert.pem"; context has kind, namespace, name, key. Only
 * content with a top-level {@code kind} and {@code apiVersion} is accepted. Thread-safe.
 */
public final class KubernetesObjectReader implements FormatReader {

  /** Keys whose value is expected to hold certificates or keys. */
  public static final Set<String> WELL_KNOWN_KEYS =
      Set.of(
          "tls.crt",
          "tls.key",
          "ca.crt",
          "root-cert.pem",
          "cert-chain.pem",
          "ca-cert.pem",
          "ca-key.pem",
          "ca-bundle.crt",
          "crt.pem",
          "key.pem");

  private static final int MAX_DEPTH = 100;

  @Override
  public InputFormat format() {
    return InputFormat.KUBERNETES_OBJECT;
  }

  @Override
  public boolean accepts(byte[] content) {
    return Structured.hasKindAndApiVersion(content);
  }

  @Override
  public Source read(String name, byte[] content, PasswordProvider passwords) {
    Findings found = new Findings();
    List<Object> docs;
    try {
      docs = Structured.documents(content);
    } catch (IOException e) {
      found.problem("", e.getMessage());
      if (PemScanner.hasBegin(content)) {
        // A template or a hand-edited manifest: the PEM blocks in it are still worth showing.
        found.merge(new PemReader().read(name, content, passwords), "", java.util.Map.of());
      }
      return found.source(name, InputFormat.KUBERNETES_OBJECT);
    }
    Set<String> kinds = new TreeSet<>();
    int objects = 0;
    for (int i = 0; i < docs.size(); i++) {
      String where = docs.size() > 1 ? "document " + (i + 1) : "";
      objects += new Walk(found, passwords, name, kinds).object(docs.get(i), where, 0);
    }
    if (found.size() == 0 && !found.hasProblems()) {
      found.problem(
          "",
          "no certificates or keys in "
              + objects
              + (objects == 1 ? " Kubernetes object" : " Kubernetes objects")
              + (kinds.isEmpty() ? "" : " (" + String.join(", ", kinds) + ")"));
    }
    return found.source(name, InputFormat.KUBERNETES_OBJECT);
  }

  private record Walk(Findings found, PasswordProvider passwords, String name, Set<String> kinds) {

    /** Reads one object (or list); returns how many objects it held. */
    int object(Object node, String where, int depth) {
      if (!(node instanceof Map<?, ?>) || depth > MAX_DEPTH) {
        if (!where.isEmpty()) {
          found.problem(where, "not a Kubernetes object");
        }
        return 0;
      }
      String kind = Structured.string(node, "kind");
      List<?> items = Structured.list(node, "items");
      if (kind.endsWith("List") && node instanceof Map<?, ?> m && m.get("items") != null) {
        int n = 0;
        for (int i = 0; i < items.size(); i++) {
          n += object(items.get(i), kind + " items[" + i + "]", depth + 1);
        }
        return n;
      }
      kinds.add(kind.isEmpty() ? "(no kind)" : kind);
      var meta = Structured.map(node, "metadata");
      String namespace = Structured.string(meta, "namespace");
      String objectName = Structured.string(meta, "name");
      String label =
          (kind.isEmpty() ? "object" : kind)
              + " "
              + (namespace.isEmpty() ? objectName : namespace + "/" + objectName);
      Map<String, String> ctx = new LinkedHashMap<>();
      ctx.put("kind", kind);
      ctx.put("namespace", namespace);
      ctx.put("name", objectName);
      switch (kind) {
        case "Secret" -> {
          entries(node, "data", true, label, ctx);
          entries(node, "stringData", false, label, ctx);
        }
        case "ConfigMap" -> {
          entries(node, "data", false, label, ctx);
          entries(node, "binaryData", true, label, ctx);
        }
        default -> strings(node, label, "", ctx, depth);
      }
      return 1;
    }

    private void entries(
        Object node, String field, boolean base64, String label, Map<String, String> ctx) {
      for (Map.Entry<Object, Object> e : Structured.map(node, field).entrySet()) {
        String key = String.valueOf(e.getKey());
        String location = label + " " + field + "." + key;
        boolean wellKnown = WELL_KNOWN_KEYS.contains(key);
        String text = e.getValue() == null ? "" : String.valueOf(e.getValue());
        byte[] value;
        if (base64) {
          Optional<byte[]> decoded = EmbeddedContent.base64(text);
          if (decoded.isEmpty()) {
            found.problem(location, "bad base64");
            continue;
          }
          value = decoded.get();
        } else {
          value = text.getBytes(StandardCharsets.UTF_8);
        }
        Map<String, String> keyCtx = new LinkedHashMap<>(ctx);
        keyCtx.put("key", key);
        value(location, value, wellKnown, keyCtx);
      }
    }

    private void value(String location, byte[] value, boolean wellKnown, Map<String, String> ctx) {
      if (value.length == 0) {
        if (wellKnown) {
          found.problem(location, "empty");
        }
        return;
      }
      Optional<Source> part = EmbeddedContent.read(name + " " + location, value, passwords);
      if (part.isPresent()) {
        found.merge(part.get(), location, ctx);
      } else if (wellKnown) {
        found.problem(location, "no certificate or key in it: " + Sniff.describe(value));
      }
    }

    /** Any string holding PEM, anywhere in an object of another kind. */
    private void strings(Object node, String label, String path, Map<String, String> ctx, int d) {
      if (d > MAX_DEPTH) {
        return;
      }
      if (node instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          String p = path.isEmpty() ? String.valueOf(e.getKey()) : path + "." + e.getKey();
          strings(e.getValue(), label, p, ctx, d + 1);
        }
      } else if (node instanceof List<?> l) {
        for (int i = 0; i < l.size(); i++) {
          strings(l.get(i), label, path + "[" + i + "]", ctx, d + 1);
        }
      } else if (node instanceof String s && s.contains("-----BEGIN ")) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (PemScanner.hasBegin(bytes)) {
          Map<String, String> c = new LinkedHashMap<>(ctx);
          c.put("key", path);
          found.merge(new PemReader().read(name, bytes, passwords), label + " " + path, c);
        }
      }
    }
  }
}
