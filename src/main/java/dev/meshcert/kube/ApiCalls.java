package dev.meshcert.kube;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;

/**
 * Executes one API call with the session's timeout, registered with a {@link Cancellation}, and
 * maps every failure to a {@link KubeFailure}.
 */
final class ApiCalls {

  /** Builds the call (the generated API's {@code buildCall(null)}). */
  @FunctionalInterface
  interface CallFactory {
    Call build() throws ApiException;
  }

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
      throw failure(e, op, cancellation);
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

  KubeException failure(ApiException e, Operation op, Cancellation cancellation) {
    return new KubeException(
        Failures.from(e, op, caller.get(), timeout, cancellation.isCancelled()), e);
  }

  ApiClient client() {
    return client;
  }
}
