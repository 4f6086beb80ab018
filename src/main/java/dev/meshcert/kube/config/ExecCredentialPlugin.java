package dev.meshcert.kube.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.meshcert.core.redact.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an exec credential plugin as kubectl does (client.authentication.k8s.io): the program with
 * its args and env plus {@code KUBERNETES_EXEC_INFO}, stdin closed (non-interactive), stdout read
 * as an ExecCredential. Bounded by a timeout; a missing program is reported by name.
 */
public final class ExecCredentialPlugin {

  private static final int MAX_OUTPUT = 1024 * 1024;

  private ExecCredentialPlugin() {}

  /**
   * Runs the plugin and returns its credential.
   *
   * @param config the plugin from the kubeconfig
   * @param cluster the cluster, passed to the plugin when it asks for cluster info
   * @param timeout how long to wait before killing it
   * @throws ExecCredentialException when it is missing, fails, times out or prints garbage
   */
  public static ExecCredential run(ExecConfig config, KubeCluster cluster, Duration timeout)
      throws ExecCredentialException {
    List<String> command = new ArrayList<>();
    command.add(config.command());
    command.addAll(config.args());
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> env = pb.environment();
    env.putAll(config.env());
    env.put("KUBERNETES_EXEC_INFO", execInfo(config, cluster));
    pb.redirectInput(ProcessBuilder.Redirect.PIPE);
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new ExecCredentialException(
          ExecCredentialException.Kind.MISSING,
          config.command(),
          config.installHint(),
          "credential plugin \""
              + config.command()
              + "\" could not be started: it is not installed or not on PATH"
              + config.installHint().map(h -> ". " + h.strip()).orElse(""));
    }
    try {
      process.getOutputStream().close();
      CompletableFuture<String> out = drain(process.getInputStream());
      CompletableFuture<String> err = drain(process.getErrorStream());
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new ExecCredentialException(
            ExecCredentialException.Kind.TIMEOUT,
            config.command(),
            config.installHint(),
            "credential plugin \""
                + config.command()
                + "\" did not answer within "
                + timeout.toSeconds()
                + " s (it may be waiting for an interactive login: log in with kubectl first)");
      }
      String stdout = out.get(5, TimeUnit.SECONDS);
      String stderr = err.get(5, TimeUnit.SECONDS);
      if (process.exitValue() != 0) {
        throw new ExecCredentialException(
            ExecCredentialException.Kind.FAILED,
            config.command(),
            config.installHint(),
            "credential plugin \""
                + config.command()
                + "\" failed with exit code "
                + process.exitValue()
                // a plugin's diagnostics can echo the token it failed to use: never shown as is
                + (stderr.isBlank() ? "" : ": " + firstLines(Redaction.forLogs().text(stderr))));
      }
      return parse(config, stdout);
    } catch (IOException | ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new ExecCredentialException(
          ExecCredentialException.Kind.FAILED,
          config.command(),
          config.installHint(),
          "credential plugin \"" + config.command() + "\" could not be read: " + e.getMessage());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new ExecCredentialException(
          ExecCredentialException.Kind.TIMEOUT,
          config.command(),
          config.installHint(),
          "interrupted while waiting for credential plugin \"" + config.command() + "\"");
    }
  }

  static ExecCredential parse(ExecConfig config, String stdout) throws ExecCredentialException {
    try {
      JsonElement root = JsonParser.parseString(stdout);
      if (!root.isJsonObject()
          || !root.getAsJsonObject().has("status")
          || !root.getAsJsonObject().get("status").isJsonObject()) {
        throw bad(config, "no status object");
      }
      JsonObject status = root.getAsJsonObject().getAsJsonObject("status");
      Optional<SecretText> token = string(status, "token").map(SecretText::new);
      Optional<String> cert = string(status, "clientCertificateData");
      Optional<SecretText> key = string(status, "clientKeyData").map(SecretText::new);
      if (token.isEmpty() && (cert.isEmpty() || key.isEmpty())) {
        throw bad(config, "status has neither a token nor a client certificate and key");
      }
      Optional<Instant> expiry = string(status, "expirationTimestamp").map(Instant::parse);
      return new ExecCredential(token, cert, key, expiry);
    } catch (JsonParseException | IllegalStateException | DateTimeParseException e) {
      throw bad(config, e.getMessage());
    }
  }

  private static ExecCredentialException bad(ExecConfig config, String why) {
    return new ExecCredentialException(
        ExecCredentialException.Kind.BAD_OUTPUT,
        config.command(),
        config.installHint(),
        "credential plugin \""
            + config.command()
            + "\" printed no usable ExecCredential: "
            + Redaction.forLogs().text(why));
  }

  private static Optional<String> string(JsonObject o, String key) {
    JsonElement e = o.get(key);
    if (e != null && !e.isJsonNull() && !e.isJsonPrimitive()) {
      // parse() reports it as bad output; getAsString() would throw an unchecked exception
      throw new IllegalStateException("status." + key + " is not a string");
    }
    return e == null || e.isJsonNull() || e.getAsString().isEmpty()
        ? Optional.empty()
        : Optional.of(e.getAsString());
  }

  private static String execInfo(ExecConfig config, KubeCluster cluster) {
    JsonObject info = new JsonObject();
    String apiVersion =
        config.apiVersion().isEmpty() ? "client.authentication.k8s.io/v1" : config.apiVersion();
    info.addProperty("apiVersion", apiVersion);
    info.addProperty("kind", "ExecCredential");
    JsonObject spec = new JsonObject();
    spec.addProperty("interactive", false);
    if (config.provideClusterInfo()) {
      JsonObject c = new JsonObject();
      c.addProperty("server", cluster.server());
      cluster
          .certificateAuthorityPem()
          .ifPresent(
              pem ->
                  c.addProperty(
                      "certificate-authority-data",
                      Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8))));
      c.addProperty("insecure-skip-tls-verify", cluster.insecureSkipTlsVerify());
      cluster.tlsServerName().ifPresent(n -> c.addProperty("tls-server-name", n));
      spec.add("cluster", c);
    }
    info.add("spec", spec);
    return info.toString();
  }

  private static CompletableFuture<String> drain(InputStream in) {
    CompletableFuture<String> f = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try (in) {
                byte[] bytes = in.readNBytes(MAX_OUTPUT);
                in.transferTo(java.io.OutputStream.nullOutputStream());
                f.complete(new String(bytes, StandardCharsets.UTF_8));
              } catch (IOException e) {
                f.completeExceptionally(e);
              }
            },
            "meshcert-exec-plugin-reader");
    t.setDaemon(true);
    t.start();
    return f;
  }

  private static String firstLines(String text) {
    String s = text.strip();
    return s.length() > 400 ? s.substring(0, 400) + "…" : s;
  }
}
