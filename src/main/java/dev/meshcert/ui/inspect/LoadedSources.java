package dev.meshcert.ui.inspect;

import dev.meshcert.core.analysis.Analysis;
import dev.meshcert.core.analysis.InspectionInput;
import dev.meshcert.core.read.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Inspect screen holds: the inputs read (to inspect again together) and the files that
 * could not be read, in the order they were added. A name added again replaces the earlier one. Use
 * on the FX thread.
 */
final class LoadedSources {

  private final Map<String, InspectionInput> inputs = new LinkedHashMap<>();
  private final Map<String, Source> failures = new LinkedHashMap<>();
  private final List<String> order = new ArrayList<>();

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
    inputs.remove(name);
    failures.remove(name);
    return order.remove(name);
  }

  void clear() {
    inputs.clear();
    failures.clear();
    order.clear();
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
