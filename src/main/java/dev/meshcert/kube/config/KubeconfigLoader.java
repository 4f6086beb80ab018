package dev.meshcert.kube.config;

import dev.meshcert.core.read.SafeYaml;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads kubeconfig files the way kubectl does: {@code KUBECONFIG} lists files (separated by the
 * platform's path separator; missing files are skipped), else {@code ~/.kube/config}. Files are
 * merged: the first file to define a context, cluster or user name wins, and the first {@code
 * current-context} wins. Relative paths are resolved against the directory of the file that holds
 * them. Never throws for bad content: problems are collected.
 */
public final class KubeconfigLoader {

  private static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

  private KubeconfigLoader() {}

  /** The files kubectl would read for this environment and home directory. */
  public static List<Path> files(Map<String, String> env, Path home) {
    String list = env.get("KUBECONFIG");
    if (list == null || list.isBlank()) {
      return List.of(home.resolve(".kube").resolve("config"));
    }
    Set<Path> paths = new LinkedHashSet<>();
    for (String part : list.split(File.pathSeparator)) {
      if (!part.isBlank()) {
        paths.add(Path.of(part.trim()).toAbsolutePath().normalize());
      }
    }
    return List.copyOf(paths);
  }

  /** Loads the kubeconfig for this environment and home directory. */
  public static Kubeconfig load(Map<String, String> env, Path home) {
    return load(files(env, home));
  }

  /** Loads and merges {@code files} in order. */
  public static Kubeconfig load(List<Path> files) {
    Merge merge = new Merge();
    for (Path file : files) {
      Optional<Map<?, ?>> root = read(file, merge.problems);
      if (root.isPresent()) {
        merge.files.add(file);
        merge.add(file, root.get());
      }
    }
    return new Kubeconfig(
        merge.contexts,
        merge.clusters,
        merge.users,
        Optional.ofNullable(merge.current),
        merge.files,
        merge.problems);
  }

  private static Optional<Map<?, ?>> read(Path file, List<String> problems) {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        problems.add(file + ": larger than 16 MiB, skipped");
        return Optional.empty();
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      // long one-line values (certificate-authority-data of a large bundle) cost SnakeYAML
      // quadratic time unless taken out first (fuzzing: 1 s of CPU for a 1.9 MB one)
      Object root = SafeYaml.load(text);
      if (root == null) {
        return Optional.of(Map.of());
      }
      if (root instanceof Map<?, ?> map) {
        return Optional.of(map);
      }
      problems.add(file + ": not a kubeconfig (the top level is not a mapping)");
    } catch (NoSuchFileException e) {
      // kubectl skips files of KUBECONFIG that do not exist
    } catch (IOException e) {
      problems.add(file + ": cannot be read (" + e.getMessage() + ")");
    } catch (YAMLException e) {
      String msg = String.valueOf(e.getMessage());
      problems.add(file + ": not valid YAML (" + msg.lines().findFirst().orElse(msg) + ")");
    }
    return Optional.empty();
  }

  /** Accumulates entries; the first definition of a name wins. */
  private static final class Merge {
    final List<KubeContext> contexts = new ArrayList<>();
    final Map<String, KubeCluster> clusters = new LinkedHashMap<>();
    final Map<String, KubeUser> users = new LinkedHashMap<>();
    final List<Path> files = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    String current;

    void add(Path file, Map<?, ?> root) {
      Entries e = new Entries(file, problems);
      if (current == null && root.get("current-context") instanceof String s && !s.isEmpty()) {
        current = s;
      }
      for (Map.Entry<String, Map<?, ?>> c : e.named(root.get("clusters"), "cluster")) {
        clusters.putIfAbsent(c.getKey(), e.cluster(c.getKey(), c.getValue()));
      }
      for (Map.Entry<String, Map<?, ?>> u : e.named(root.get("users"), "user")) {
        users.putIfAbsent(u.getKey(), e.user(u.getKey(), u.getValue()));
      }
      for (Map.Entry<String, Map<?, ?>> c : e.named(root.get("contexts"), "context")) {
        if (contexts.stream().noneMatch(k -> k.name().equals(c.getKey()))) {
          contexts.add(e.context(c.getKey(), c.getValue()));
        }
      }
    }
  }

  /** Reads the entries of one file. */
  private record Entries(Path file, List<String> problems) {

    List<Map.Entry<String, Map<?, ?>>> named(Object list, String field) {
      List<Map.Entry<String, Map<?, ?>>> out = new ArrayList<>();
      if (!(list instanceof List<?> items)) {
        return out;
      }
      for (Object item : items) {
        if (item instanceof Map<?, ?> m && m.get("name") instanceof String name) {
          Map<?, ?> body = m.get(field) instanceof Map<?, ?> b ? b : Map.of();
          out.add(Map.entry(name, body));
        } else {
          problems.add(file + ": a " + field + " entry without a name was skipped");
        }
      }
      return out;
    }

    KubeContext context(String name, Map<?, ?> m) {
      return new KubeContext(name, text(m, "cluster"), text(m, "user"), optional(m, "namespace"));
    }

    KubeCluster cluster(String name, Map<?, ?> m) {
      return new KubeCluster(
          name,
          text(m, "server"),
          data(m, "certificate-authority-data", name),
          path(m, "certificate-authority"),
          Boolean.TRUE.equals(m.get("insecure-skip-tls-verify"))
              || "true".equals(String.valueOf(m.get("insecure-skip-tls-verify"))),
          optional(m, "tls-server-name"),
          file);
    }

    KubeUser user(String name, Map<?, ?> m) {
      Optional<String> provider = Optional.empty();
      Optional<SecretText> idToken = Optional.empty();
      if (m.get("auth-provider") instanceof Map<?, ?> ap) {
        provider = optional(ap, "name");
        if (ap.get("config") instanceof Map<?, ?> cfg) {
          idToken = optional(cfg, "id-token").map(SecretText::new);
        }
      }
      return new KubeUser(
          name,
          optional(m, "token").map(SecretText::new),
          path(m, "tokenFile"),
          data(m, "client-certificate-data", name),
          path(m, "client-certificate"),
          data(m, "client-key-data", name).map(SecretText::new),
          path(m, "client-key"),
          optional(m, "username"),
          optional(m, "password").map(SecretText::new),
          exec(m.get("exec")),
          provider,
          idToken,
          file);
    }

    Optional<ExecConfig> exec(Object value) {
      if (!(value instanceof Map<?, ?> m)) {
        return Optional.empty();
      }
      String command = text(m, "command");
      if (command.contains("/") || command.contains(File.separator)) {
        command = file.toAbsolutePath().getParent().resolve(command).normalize().toString();
      }
      List<String> args = new ArrayList<>();
      if (m.get("args") instanceof List<?> list) {
        list.forEach(a -> args.add(String.valueOf(a)));
      }
      Map<String, String> env = new LinkedHashMap<>();
      if (m.get("env") instanceof List<?> list) {
        for (Object o : list) {
          if (o instanceof Map<?, ?> kv && kv.get("name") != null) {
            env.put(String.valueOf(kv.get("name")), text(kv, "value"));
          }
        }
      }
      return Optional.of(
          new ExecConfig(
              command,
              args,
              env,
              text(m, "apiVersion"),
              optional(m, "installHint"),
              Boolean.TRUE.equals(m.get("provideClusterInfo"))));
    }

    Optional<Path> path(Map<?, ?> m, String key) {
      return optional(m, key).map(p -> file.toAbsolutePath().getParent().resolve(p).normalize());
    }

    Optional<String> data(Map<?, ?> m, String key, String entry) {
      Optional<String> b64 = optional(m, key);
      if (b64.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(
            new String(Base64.getMimeDecoder().decode(b64.get().trim()), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        problems.add(file + ": " + key + " of \"" + entry + "\" is not valid base64, ignored");
        return Optional.empty();
      }
    }

    static Optional<String> optional(Map<?, ?> m, String key) {
      Object v = m.get(key);
      return v == null || String.valueOf(v).isEmpty()
          ? Optional.empty()
          : Optional.of(String.valueOf(v));
    }

    static String text(Map<?, ?> m, String key) {
      return optional(m, key).orElse("");
    }
  }
}
