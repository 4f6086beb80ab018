package dev.meshcert.ui.inspect;

import dev.meshcert.core.analysis.Analysis;
import dev.meshcert.core.analysis.InspectionInput;
import dev.meshcert.core.read.PasswordProvider;
import java.util.List;

/** Inspects inputs read together: chains are built across all of them. Called off the FX thread. */
@FunctionalInterface
public interface InspectionService {

  /**
   * @param inputs the inputs, in the order they were added
   * @param trustAnchors inputs whose certificates chains are verified against (sources and
   *     certificates the person marked as trusted); may be empty
   * @param passwords asked when a keystore needs a password; called on the calling thread
   */
  Analysis inspect(
      List<InspectionInput> inputs, List<InspectionInput> trustAnchors, PasswordProvider passwords);
}
