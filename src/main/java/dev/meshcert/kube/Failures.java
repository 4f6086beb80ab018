package dev.meshcert.kube;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.ApiException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLException;

/** Turns client exceptions into {@link KubeFailure}s, at the one boundary where calls are made. */
final class Failures {

  private Failures() {}

  /** Who is calling: for messages. */
  record Caller(String context, String user, String server, Optional<Instant> credentialExpiry) {}

  static KubeFailure from(
      ApiException e, Operation op, Caller caller, Duration timeout, boolean cancelled) {
    if (cancelled) {
      return new KubeFailure.Cancelled(op);
    }
    int code = e.getCode();
    String message = serverMessage(e);
    return switch (code) {
      case 0 -> fromIo(e, op, caller, timeout);
      case 401 ->
          new KubeFailure.Unauthorized(
              caller.context(),
              caller.user(),
              caller.credentialExpiry().filter(t -> !t.isAfter(Instant.now())),
              message);
      case 403 -> new KubeFailure.Forbidden(caller.user(), op, message);
      case 404 -> new KubeFailure.NotFound(op, message);
      default -> new KubeFailure.ServerError(op, code, message);
    };
  }

  private static KubeFailure fromIo(ApiException e, Operation op, Caller caller, Duration timeout) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof TokenSource.CredentialIOException c) {
        return new KubeFailure.CredentialsUnavailable(
            caller.context(), Optional.of(c.plugin().command()), c.getMessage());
      }
      if (t instanceof SocketTimeoutException
          || (t instanceof InterruptedIOException && "timeout".equals(t.getMessage()))) {
        return new KubeFailure.Timeout(op, timeout);
      }
      if (t instanceof SSLException || t instanceof java.security.cert.CertificateException) {
        return new KubeFailure.TlsFailure(caller.server(), describe(t));
      }
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException) {
        return new KubeFailure.Unreachable(caller.server(), describe(t));
      }
      if (t instanceof java.io.IOException && "Canceled".equals(t.getMessage())) {
        return new KubeFailure.Cancelled(op);
      }
    }
    return new KubeFailure.Unreachable(caller.server(), describe(cause));
  }

  static String serverMessage(ApiException e) {
    String body = e.getResponseBody();
    if (body != null && !body.isBlank()) {
      try {
        JsonElement json = JsonParser.parseString(body);
        if (json.isJsonObject() && json.getAsJsonObject().has("message")) {
          return json.getAsJsonObject().get("message").getAsString();
        }
      } catch (JsonParseException | IllegalStateException | UnsupportedOperationException ignored) {
        // not a Status object: keep the raw body below
      }
      return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
    return e.getMessage() == null ? "" : e.getMessage();
  }

  private static String describe(Throwable t) {
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }
}
