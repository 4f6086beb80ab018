package dev.meshcert.app;

import dev.meshcert.core.analysis.Analysis;
import dev.meshcert.core.analysis.InspectOptions;
import dev.meshcert.core.analysis.InspectionInput;
import dev.meshcert.core.analysis.Inspector;
import dev.meshcert.core.read.PasswordProvider;
import dev.meshcert.ui.inspect.InspectionService;
import java.time.Clock;
import java.util.List;

/** The window's inspection: core's {@link Inspector} judging expiry by a clock. */
final class InspectorService implements InspectionService {

  private final Inspector inspector;
  private final Clock clock;

  InspectorService(Inspector inspector, Clock clock) {
    this.inspector = inspector;
    this.clock = clock;
  }

  @Override
  public Analysis inspect(
      List<InspectionInput> inputs,
      List<InspectionInput> trustAnchors,
      PasswordProvider passwords) {
    return inspector.inspect(
        inputs, InspectOptions.at(clock).withPasswords(passwords).withTrustAnchors(trustAnchors));
  }
}
