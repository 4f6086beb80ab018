package dev.meshcert.app;

import dev.meshcert.core.analysis.Analysis;
import dev.meshcert.core.analysis.CertificateReport;
import dev.meshcert.core.analysis.ChainReport;
import dev.meshcert.core.analysis.InspectionInput;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.chain.Chain;
import dev.meshcert.core.chain.ChainBuilder;
import dev.meshcert.core.expiry.Expiry;
import dev.meshcert.core.expiry.ExpiryPolicy;
import dev.meshcert.core.read.CertificateEntry;
import dev.meshcert.core.read.PasswordProvider;
import dev.meshcert.core.read.PemReader;
import dev.meshcert.core.read.Source;
import dev.meshcert.core.spiffe.SpiffeIdParser;
import dev.meshcert.ui.inspect.InspectionService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inspection from the parts on main until core.analysis.Inspector lands: PEM input only, chains,
 * expiry and SPIFFE IDs, no findings. Replaced by an adapter over the Inspector.
 */
final class InterimInspection implements InspectionService {

  private final Clock clock;
  private final PemReader pem = new PemReader();
  private final ChainBuilder chains = new ChainBuilder();

  InterimInspection(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Analysis inspect(List<InspectionInput> inputs, PasswordProvider passwords) {
    Instant at = clock.instant();
    List<Source> sources = new ArrayList<>();
    for (InspectionInput in : inputs) {
      sources.add(pem.read(in.name(), in.content(), passwords));
    }
    Map<String, CertificateFacts> distinct = new LinkedHashMap<>();
    for (Source s : sources) {
      for (CertificateEntry e : s.certificates()) {
        distinct.putIfAbsent(e.certificate().sha256(), e.certificate());
      }
    }
    List<CertificateReport> reports = new ArrayList<>();
    for (CertificateFacts c : distinct.values()) {
      reports.add(
          new CertificateReport(
              c,
              Expiry.evaluate(c, at, ExpiryPolicy.DEFAULT),
              c.spiffeUri().flatMap(u -> SpiffeIdParser.parse(u).id()),
              List.of()));
    }
    List<ChainReport> chainReports = new ArrayList<>();
    for (Chain chain : chains.build(distinct.values())) {
      chainReports.add(new ChainReport(chain, false, "no trust anchors given", List.of()));
    }
    return new Analysis(at, sources, List.of(), reports, chainReports);
  }
}
