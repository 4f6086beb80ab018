package dev.meshcert.kube;

import java.time.Duration;
import java.util.List;

/**
 * What a watch reports. After {@link Synced} the listener holds the full state; {@link Upserted}
 * and {@link Deleted} change it; {@link Interrupted} says the stream broke and when it will be
 * re-established (followed by a new {@link Synced} if events may have been missed).
 *
 * @param <T> the watched record type
 */
public sealed interface WatchEvent<T> {

  /** The complete current state (after the first list, and after every re-list). */
  record Synced<T>(List<T> items) implements WatchEvent<T> {
    /** Copies the list. */
    public Synced {
      items = List.copyOf(items);
    }
  }

  /** An object was added or changed. */
  record Upserted<T>(T item) implements WatchEvent<T> {}

  /** An object was removed. */
  record Deleted<T>(T item) implements WatchEvent<T> {}

  /** The watch broke; it is retried after {@code retryIn}. */
  record Interrupted<T>(KubeFailure failure, Duration retryIn) implements WatchEvent<T> {}
}
