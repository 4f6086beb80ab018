package dev.meshcert.kube;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;

/**
 * Executes one API call with the session's timeout, registered with a {@link Cancellation}, and
 * maps every failure to a {@link KubeFailure}. A call the server throttles (429 Too Many Requests)
 * is tried again after its Retry-After, twice at most.
 */
final class ApiCalls {

  /** Builds the call (the generated API's {@code buildCall(null)}). */
  @FunctionalInterface
  interface CallFactory {
    Call build() throws ApiException;
  }

  /** How often a throttled call (429) is tried again. */
  static final int THROTTLE_RETRIES = 2;

  /** The longest Retry-After honoured; a longer one is cut to this. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(10);

  private final ApiClient client;
  private final Duration timeout;
  private final java.util.function.Supplier<Failures.Caller> caller;

  ApiCalls(
      ApiClient client, Duration timeout, java.util.function.Supplier<Failures.Caller> caller) {
    this.client = client;
    this.timeout = timeout;
    this.caller = caller;
  }

  <T> T execute(Operation op, CallFactory factory, Type type, Cancellation cancellation)
      throws KubeException {
    for (int attempt = 0; ; attempt++) {
      if (cancellation.isCancelled()) {
        throw new KubeException(new KubeFailure.Cancelled(op));
      }
      Call call;
      try {
        call = factory.build();
      } catch (ApiException e) {
        throw failure(e, op, cancellation);
      }
      call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
      cancellation.register(call);
      try {
        return client.<T>execute(call, type).getData();
      } catch (ApiException e) {
        Optional<Duration> wait = throttled(e, attempt);
        if (wait.isEmpty() || !pause(wait.get(), cancellation)) {
          throw failure(e, op, cancellation);
        }
      } catch (RuntimeException e) {
        // The generated models reject JSON that lacks required fields with unchecked exceptions.
        throw new KubeException(
            new KubeFailure.BadResponse(
                op, e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage())),
            e);
      } finally {
        cancellation.unregister(call);
      }
    }
  }

  /**
   * How long to wait before trying a call the server throttled (429 Too Many Requests) again: its
   * Retry-After (1 s when absent, at most {@link #MAX_RETRY_AFTER}), for {@link #THROTTLE_RETRIES}
   * retries; empty for any other failure.
   */
  static Optional<Duration> throttled(ApiException e, int attempt) {
    if (e.getCode() != 429 || attempt >= THROTTLE_RETRIES) {
      return Optional.empty();
    }
    Map<String, List<String>> headers = e.getResponseHeaders();
    List<String> values = headers == null ? null : headers.get("Retry-After");
    if (values == null && headers != null) {
      values = headers.get("retry-after");
    }
    long seconds = 1;
    if (values != null && !values.isEmpty()) {
      try {
        seconds = Math.max(0, Long.parseLong(values.get(0).trim()));
      } catch (NumberFormatException dateForm) {
        seconds = 1;
      }
    }
    Duration d = Duration.ofSeconds(seconds);
    return Optional.of(d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
  }

  /** Sleeps, waking early when cancelled; false when cancelled or interrupted. */
  private static boolean pause(Duration d, Cancellation cancellation) {
    long end = System.nanoTime() + d.toNanos();
    try {
      while (System.nanoTime() < end) {
        if (cancellation.isCancelled()) {
          return false;
        }
        TimeUnit.MILLISECONDS.sleep(
            Math.min(50, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      }
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      return false;
    }
    return !cancellation.isCancelled();
  }

  KubeException failure(ApiException e, Operation op, Cancellation cancellation) {
    return new KubeException(
        Failures.from(e, op, caller.get(), timeout, cancellation.isCancelled()), e);
  }

  ApiClient client() {
    return client;
  }
}
