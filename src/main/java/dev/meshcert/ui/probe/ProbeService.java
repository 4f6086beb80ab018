package dev.meshcert.ui.probe;

/**
 * Runs probes for the panel. Implementations block; the view model calls them off the FX thread.
 */
public interface ProbeService {

  /**
   * Prepares a probe: reads identity files, opens what the route needs. Call {@link Running#await}
   * next, on the same worker thread; {@link Running#cancel} from any thread.
   *
   * @throws Exception when the request cannot be run; the message says why
   */
  Running start(ProbeRequest request) throws Exception;

  /** A probe under way. */
  interface Running {
    /** Runs it to the end (or to cancellation) and returns what it showed. */
    ProbeOutput await() throws Exception;

    /** Stops it; harmless when done. */
    void cancel();
  }
}
