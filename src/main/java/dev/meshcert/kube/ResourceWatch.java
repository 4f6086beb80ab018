package dev.meshcert.kube;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.Watch;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * List, then watch from the list's resource version, on one daemon thread; or, given a list the
 * caller already made (the scan's), watch from its version without listing again. A watch the
 * server closes is resumed from the last version seen (bookmarks keep it fresh); an expired version
 * (410 Gone) triggers a new list; a broken stream is reported as {@link WatchEvent.Interrupted} and
 * retried with exponential backoff. Closing aborts the stream at once.
 */
final class ResourceWatch<A, T> implements WatchHandle, Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(ResourceWatch.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

  private final String context;
  private final WatchSource<A, T> source;
  private final WatchListener<T> listener;
  private final ApiCalls calls;
  private final SessionOptions options;
  private final OkHttpClient streaming;
  private final Optional<Paging.Listed<T>> resumeFrom;
  private final Cancellation cancellation = new Cancellation();
  private final Map<String, T> state = new LinkedHashMap<>();
  private final Object emitLock = new Object();
  private volatile boolean running = true;
  private Thread thread;

  ResourceWatch(
      String context,
      WatchSource<A, T> source,
      WatchListener<T> listener,
      ApiCalls calls,
      SessionOptions options,
      Optional<Paging.Listed<T>> resumeFrom) {
    this.context = context;
    this.resumeFrom = resumeFrom.filter(l -> !l.resourceVersion().isEmpty());
    this.source = source;
    this.listener = listener;
    this.calls = calls;
    this.options = options;
    // Same connection pool and interceptors; a read timeout longer than the server-side timeout.
    this.streaming =
        calls
            .client()
            .getHttpClient()
            .newBuilder()
            .readTimeout(options.watchTimeout().plusSeconds(30))
            .build();
  }

  void start() {
    thread = new Thread(this, "meshcert-watch-" + context + "-" + source.describe());
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    String version = null;
    if (resumeFrom.isPresent()) {
      version = synced(resumeFrom.get());
    }
    Duration backoff = FIRST_BACKOFF;
    while (running) {
      try {
        if (version == null) {
          version = synced(source.list(cancellation));
        }
        version = watchOnce(version);
        backoff = FIRST_BACKOFF;
      } catch (KubeException e) {
        if (!running) {
          return;
        }
        emit(new WatchEvent.Interrupted<>(e.failure(), backoff));
        if (!pause(backoff)) {
          return;
        }
        backoff = min(backoff.multipliedBy(2), options.maxBackoff());
      }
    }
  }

  /** Takes a list as the whole state and reports it; returns the version to watch from. */
  private String synced(Paging.Listed<T> listed) {
    state.clear();
    listed.items().forEach(item -> state.put(source.key(item), item));
    emit(new WatchEvent.Synced<>(List.copyOf(state.values())));
    return listed.resourceVersion();
  }

  /** Watches until the stream ends; returns the version to resume from, null to re-list. */
  private String watchOnce(String version) throws KubeException {
    Call call;
    try {
      Call built = source.watchCall(version, (int) options.watchTimeout().toSeconds());
      call = streaming.newCall(built.request());
    } catch (ApiException e) {
      throw calls.failure(e, source.operation(), cancellation);
    }
    cancellation.register(call);
    String current = version;
    try (Watch<A> watch = Watch.createWatch(calls.client(), call, source.eventType())) {
      for (Watch.Response<A> event : watch) {
        if (!running) {
          return current;
        }
        if ("ERROR".equals(event.type)) {
          if (event.status != null && Integer.valueOf(410).equals(event.status.getCode())) {
            return null;
          }
          String message = event.status == null ? "" : String.valueOf(event.status.getMessage());
          int code =
              event.status == null || event.status.getCode() == null ? 500 : event.status.getCode();
          throw new KubeException(new KubeFailure.ServerError(source.operation(), code, message));
        }
        if (event.object == null) {
          continue;
        }
        String rv = source.resourceVersion(event.object);
        if (!rv.isEmpty()) {
          current = rv;
        }
        apply(event.type, event.object);
      }
      return current;
    } catch (ApiException e) {
      if (e.getCode() == 410) {
        return null;
      }
      throw calls.failure(e, source.operation(), cancellation);
    } catch (IllegalArgumentException | com.google.gson.JsonParseException e) {
      throw new KubeException(
          new KubeFailure.BadResponse(source.operation(), String.valueOf(e.getMessage())), e);
    } catch (IOException | RuntimeException e) {
      Throwable cause = e.getCause() instanceof IOException io ? io : e;
      throw calls.failure(
          new ApiException(cause instanceof IOException io ? io : new IOException(cause)),
          source.operation(),
          cancellation);
    } finally {
      cancellation.unregister(call);
    }
  }

  private void apply(String type, A object) {
    Optional<T> item = source.convert(object);
    if (item.isEmpty()) {
      return;
    }
    String key = source.key(item.get());
    switch (type) {
      case "ADDED", "MODIFIED" -> {
        state.put(key, item.get());
        emit(new WatchEvent.Upserted<>(item.get()));
      }
      case "DELETED" -> {
        T removed = state.remove(key);
        emit(new WatchEvent.Deleted<>(removed == null ? item.get() : removed));
      }
      default -> {
        // BOOKMARK: only its resource version matters
      }
    }
  }

  private void emit(WatchEvent<T> event) {
    synchronized (emitLock) {
      if (!running) {
        return;
      }
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("watch listener for {} failed on {}", source.describe(), event, e);
      }
    }
  }

  private boolean pause(Duration d) {
    try {
      TimeUnit.MILLISECONDS.sleep(d.toMillis());
      return running;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public void close() {
    synchronized (emitLock) {
      running = false;
    }
    cancellation.cancel();
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
