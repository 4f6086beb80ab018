package dev.meshcert.core.read;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a kubeconfig (YAML or JSON): each cluster's {@code certificate-authority-data} and each
 * user's {@code client-certificate-data} and {@code client-key-data} (a private key, described and
 * matched, never kept). Fields naming files ({@code certificate-authority}, {@code
 * client-certificate}) are listed as metadata, not read. Locations read like "cluster kind-kind
 * certificate-authority-data". Thread-safe.
 */
public final class KubeconfigReader implements FormatReader {

  private static final Pattern JSON_CONFIG = Pattern.compile("\"kind\"\\s*:\\s*\"Config\"");

  @Override
  public InputFormat format() {
    return InputFormat.KUBECONFIG;
  }

  /** {@code kind: Config}, or top-level {@code clusters:} with users or contexts. */
  @Override
  public boolean accepts(byte[] content) {
    if (!Structured.isText(content)) {
      return false;
    }
    String text = PemScanner.text(content);
    if (Structured.isJson(content)) {
      return JSON_CONFIG.matcher(text).find();
    }
    return Structured.topLevelValue(text, "kind:", "Config")
        || (Structured.hasTopLevelBlock(text, "clusters:")
            && (Structured.hasTopLevelBlock(text, "users:")
                || Structured.hasTopLevelBlock(text, "contexts:")
                || Structured.hasTopLevelBlock(text, "current-context:")));
  }

  @Override
  public Source read(String name, byte[] content, PasswordProvider passwords) {
    Findings found = new Findings();
    List<Object> docs;
    try {
      docs = Structured.documents(content);
    } catch (IOException e) {
      found.problem("", e.getMessage());
      return found.source(name, InputFormat.KUBECONFIG);
    }
    for (Object doc : docs) {
      for (Object c : Structured.list(doc, "clusters")) {
        String cluster = Structured.string(c, "name");
        Map<Object, Object> body = Structured.map(c, "cluster");
        Map<String, String> ctx = new LinkedHashMap<>();
        ctx.put("cluster", cluster);
        String server = Structured.string(body, "server");
        if (!server.isEmpty()) {
          ctx.put("server", server);
        }
        String where = "cluster " + cluster;
        field(body, "certificate-authority-data", where, ctx, found, name, passwords);
        fileReference(body, "certificate-authority", where, found);
      }
      for (Object u : Structured.list(doc, "users")) {
        String user = Structured.string(u, "name");
        Map<Object, Object> body = Structured.map(u, "user");
        Map<String, String> ctx = Map.of("user", user);
        String where = "user " + user;
        field(body, "client-certificate-data", where, ctx, found, name, passwords);
        field(body, "client-key-data", where, ctx, found, name, passwords);
        fileReference(body, "client-certificate", where, found);
        fileReference(body, "client-key", where, found);
      }
    }
    if (found.size() == 0 && !found.hasProblems()) {
      found.problem("", "the kubeconfig has no embedded certificates or keys");
    }
    return found.source(name, InputFormat.KUBECONFIG);
  }

  private static void field(
      Map<Object, Object> body,
      String field,
      String where,
      Map<String, String> ctx,
      Findings found,
      String name,
      PasswordProvider passwords) {
    String value = Structured.string(body, field);
    if (value.isEmpty()) {
      return;
    }
    String location = where + " " + field;
    Optional<byte[]> bytes = EmbeddedContent.base64(value);
    if (bytes.isEmpty()) {
      found.problem(location, "bad base64");
      return;
    }
    Optional<Source> part = EmbeddedContent.read(name + " " + location, bytes.get(), passwords);
    if (part.isPresent()) {
      found.merge(part.get(), location, ctx);
    } else {
      found.problem(location, "no certificate or key in it: " + Sniff.describe(bytes.get()));
    }
  }

  private static void fileReference(
      Map<Object, Object> body, String field, String where, Findings found) {
    String path = Structured.string(body, field);
    if (!path.isEmpty()) {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put(field, path);
      fields.put("note", "a file named in the kubeconfig: not read");
      found.metadata(new MetadataEntry(where + " " + field, fields));
    }
  }
}
