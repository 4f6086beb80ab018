package dev.meshcert.ui.inspect;

import dev.meshcert.core.analysis.Analysis;
import dev.meshcert.core.analysis.InspectionInput;
import dev.meshcert.core.read.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the Inspect screen holds: the inputs read (to inspect again together) and the files that
 * could not be read, in the order they were added. A name added again replaces the earlier one. Use
 * on the FX thread.
 */
final class LoadedSources {

  private final Map<String, InspectionInput> inputs = new LinkedHashMap<>();
  private final Map<String, Source> failures = new LinkedHashMap<>();
  private final List<String> order = new ArrayList<>();
  private final Set<String> trustedSources = new LinkedHashSet<>();
  private final Map<String, InspectionInput> trustedCertificates = new LinkedHashMap<>();

  /** Takes files read from disk, in the order they were met. */
  void take(LoadResult result) {
    Map<String, Source> failed = new LinkedHashMap<>();
    result.failures().forEach(s -> failed.put(s.name(), s));
    Map<String, InspectionInput> read = new LinkedHashMap<>();
    result.inputs().forEach(i -> read.put(i.name(), i));
    for (String name : result.names()) {
      if (read.containsKey(name)) {
        add(read.get(name));
      } else if (failed.containsKey(name)) {
        remove(name);
        failures.put(name, failed.get(name));
        order.add(name);
      }
    }
  }

  /** Adds an input, replacing one of the same name. */
  void add(InspectionInput input) {
    remove(input.name());
    inputs.put(input.name(), input);
    order.add(input.name());
  }

  /** Removes a source; whether there was one. */
  boolean remove(String name) {
    trustedSources.remove(name);
    inputs.remove(name);
    failures.remove(name);
    return order.remove(name);
  }

  void clear() {
    trustedSources.clear();
    trustedCertificates.clear();
    inputs.clear();
    failures.clear();
    order.clear();
  }

  /**
   * Marks a loaded source as trusted (its certificates become trust anchors) or not; whether the
   * mark changed. Sources that could not be read cannot be trusted.
   */
  boolean trustSource(String name, boolean trust) {
    if (!inputs.containsKey(name)) {
      return false;
    }
    return trust ? trustedSources.add(name) : trustedSources.remove(name);
  }

  /**
   * Marks one certificate as a trust anchor, by its SHA-256 and DER, or not; whether the mark
   * changed.
   */
  boolean trustCertificate(String sha256, byte[] der, boolean trust) {
    if (!trust) {
      return trustedCertificates.remove(sha256) != null;
    }
    if (trustedCertificates.containsKey(sha256)) {
      return false;
    }
    trustedCertificates.put(sha256, new InspectionInput("trusted certificate " + sha256, der));
    return true;
  }

  boolean isSourceTrusted(String name) {
    return trustedSources.contains(name);
  }

  boolean isCertificateTrusted(String sha256) {
    return trustedCertificates.containsKey(sha256);
  }

  /** The trust anchors: every trusted source's input, then every trusted certificate. */
  List<InspectionInput> trustAnchors() {
    List<InspectionInput> anchors = new ArrayList<>();
    trustedSources.forEach(name -> anchors.add(inputs.get(name)));
    anchors.addAll(trustedCertificates.values());
    return List.copyOf(anchors);
  }

  /** The names of the trusted sources and the SHA-256 of the trusted certificates. */
  Trust trust() {
    return new Trust(Set.copyOf(trustedSources), Set.copyOf(trustedCertificates.keySet()));
  }

  /** {@code base}, or "base (2)", "base (3)"... when taken. */
  String uniqueName(String base) {
    if (!order.contains(base)) {
      return base;
    }
    int n = 2;
    while (order.contains(base + " (" + n + ")")) {
      n++;
    }
    return base + " (" + n + ")";
  }

  /** The inputs to inspect, in order. */
  List<InspectionInput> inputs() {
    return List.copyOf(inputs.values());
  }

  /** The names of all sources, in order. */
  List<String> names() {
    return List.copyOf(order);
  }

  boolean isEmpty() {
    return order.isEmpty();
  }

  int size() {
    return order.size();
  }

  /**
   * The sources to show, in order: each input as the analysis read it, each failure as it is.
   * Inputs not yet in the analysis (still being inspected) are left out.
   */
  List<Source> shown(Analysis analysis) {
    return shown(order, failures, analysis);
  }

  /**
   * {@link #shown} for an analysis still to come, from a copy of the sources as they are now: may
   * be called on any thread.
   */
  Function<Analysis, List<Source>> shownLater() {
    List<String> orderNow = List.copyOf(order);
    Map<String, Source> failuresNow = new LinkedHashMap<>(failures);
    return analysis -> shown(orderNow, failuresNow, analysis);
  }

  private static List<Source> shown(
      List<String> order, Map<String, Source> failures, Analysis analysis) {
    Map<String, Source> analysed = new LinkedHashMap<>();
    analysis.sources().forEach(s -> analysed.put(s.name(), s));
    List<Source> shown = new ArrayList<>();
    for (String name : order) {
      Source s = analysed.containsKey(name) ? analysed.get(name) : failures.get(name);
      if (s != null) {
        shown.add(s);
      }
    }
    return shown;
  }
}
