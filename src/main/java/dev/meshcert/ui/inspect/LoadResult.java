package dev.meshcert.ui.inspect;

import dev.meshcert.core.analysis.InspectionInput;
import dev.meshcert.core.read.Source;
import java.util.List;

/**
 * Files read from disk.
 *
 * @param inputs the files that could be read, in order
 * @param failures one unreadable source per file or folder that could not be read
 * @param names the names of all inputs and failures, in the order they were met
 */
public record LoadResult(List<InspectionInput> inputs, List<Source> failures, List<String> names) {

  public LoadResult {
    inputs = List.copyOf(inputs);
    failures = List.copyOf(failures);
    names = List.copyOf(names);
  }
}
