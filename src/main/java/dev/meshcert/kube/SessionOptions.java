package dev.meshcert.kube;

import java.time.Clock;
import java.time.Duration;

/**
 * Timeouts and sizes of a session.
 *
 * @param connectTimeout TCP/TLS connect timeout
 * @param requestTimeout the whole of one request, response body included
 * @param execPluginTimeout how long an exec credential plugin may run
 * @param pageSize items per list page (the continue token fetches the rest)
 * @param watchTimeout how long the server keeps one watch open before we re-watch
 * @param maxBackoff the longest wait between watch retries
 * @param clock the clock credentials expire against
 */
public record SessionOptions(
    Duration connectTimeout,
    Duration requestTimeout,
    Duration execPluginTimeout,
    int pageSize,
    Duration watchTimeout,
    Duration maxBackoff,
    Clock clock) {

  /** 10 s to connect, 30 s per request, 60 s for plugins, pages of 500, 5 min watches. */
  public static SessionOptions defaults() {
    return new SessionOptions(
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        500,
        Duration.ofMinutes(5),
        Duration.ofSeconds(30),
        Clock.systemUTC());
  }

  /** These options with another request timeout. */
  public SessionOptions withRequestTimeout(Duration timeout) {
    return new SessionOptions(
        connectTimeout, timeout, execPluginTimeout, pageSize, watchTimeout, maxBackoff, clock);
  }

  /** These options with another page size. */
  public SessionOptions withPageSize(int size) {
    return new SessionOptions(
        connectTimeout, requestTimeout, execPluginTimeout, size, watchTimeout, maxBackoff, clock);
  }

  /** These options with other watch timing. */
  public SessionOptions withWatch(Duration timeout, Duration backoff) {
    return new SessionOptions(
        connectTimeout, requestTimeout, execPluginTimeout, pageSize, timeout, backoff, clock);
  }
}
