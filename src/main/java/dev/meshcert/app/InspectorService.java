package dev.meshcert.app;

import dev.meshcert.core.analysis.Analysis;
import dev.meshcert.core.analysis.InspectOptions;
import dev.meshcert.core.analysis.InspectionInput;
import dev.meshcert.core.analysis.Inspector;
import dev.meshcert.core.expiry.ExpiryPolicy;
import dev.meshcert.core.read.PasswordProvider;
import dev.meshcert.core.redact.AnalysisValues;
import dev.meshcert.core.redact.KnownValues;
import dev.meshcert.ui.inspect.InspectionService;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The window's inspection: core's {@link Inspector} judging expiry by a clock. Each analysis
 * teaches the redaction book its serials and namespaces before it is shown.
 */
final class InspectorService implements InspectionService {

  private final Inspector inspector;
  private final Clock clock;
  private final Supplier<ExpiryPolicy> expiry;
  private final KnownValues known;

  InspectorService(
      Inspector inspector, Clock clock, Supplier<ExpiryPolicy> expiry, KnownValues known) {
    this.inspector = inspector;
    this.clock = clock;
    this.expiry = expiry;
    this.known = known;
  }

  @Override
  public Analysis inspect(
      List<InspectionInput> inputs,
      List<InspectionInput> trustAnchors,
      PasswordProvider passwords) {
    Analysis analysis =
        inspector.inspect(
            inputs,
            InspectOptions.at(clock)
                .withExpiryPolicy(expiry.get())
                .withPasswords(passwords)
                .withTrustAnchors(trustAnchors));
    AnalysisValues.learn(analysis, known);
    return analysis;
  }
}
