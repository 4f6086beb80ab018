package dev.meshcert.ui.inspect;

import dev.meshcert.core.analysis.Analysis;
import dev.meshcert.core.analysis.CertificateReport;
import dev.meshcert.core.analysis.ChainReport;
import dev.meshcert.core.analysis.InspectionInput;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.chain.Chain;
import dev.meshcert.core.chain.ChainBuilder;
import dev.meshcert.core.chain.TrustVerdict;
import dev.meshcert.core.expiry.Expiry;
import dev.meshcert.core.expiry.ExpiryPolicy;
import dev.meshcert.core.read.CertificateEntry;
import dev.meshcert.core.read.PasswordProvider;
import dev.meshcert.core.read.PemReader;
import dev.meshcert.core.read.Source;
import dev.meshcert.core.spiffe.SpiffeIdParser;
import dev.meshcert.testpki.TestPki;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An inspection service for view-model tests made of the real core parts (PEM reader, chain
 * builder, expiry at {@link TestPki#NOW}, SPIFFE parser). It records what it was asked, and can be
 * told to ask for a password or to fail.
 */
final class PemInspection implements InspectionService {

  final List<List<String>> calls = new ArrayList<>();
  final List<String> passwordsGiven = new ArrayList<>();
  boolean askPassword;
  RuntimeException failure;

  @Override
  public Analysis inspect(
      List<InspectionInput> inputs,
      List<InspectionInput> trustAnchors,
      PasswordProvider passwords) {
    calls.add(inputs.stream().map(InspectionInput::name).toList());
    if (failure != null) {
      throw failure;
    }
    if (askPassword) {
      passwords.password(inputs.get(0).name(), 1).ifPresent(p -> passwordsGiven.add(new String(p)));
    }
    List<Source> sources = new ArrayList<>();
    for (InspectionInput in : inputs) {
      sources.add(new PemReader().read(in.name(), in.content(), PasswordProvider.none()));
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
              Expiry.evaluate(c, TestPki.NOW, ExpiryPolicy.DEFAULT),
              c.spiffeUri().flatMap(u -> SpiffeIdParser.parse(u).id()),
              List.of()));
    }
    List<ChainReport> chains = new ArrayList<>();
    for (Chain chain : new ChainBuilder().build(distinct.values())) {
      chains.add(
          new ChainReport(
              chain,
              new TrustVerdict(false, "no trust anchors given", Optional.empty(), List.of(), false),
              List.of()));
    }
    return new Analysis(TestPki.NOW, sources, List.of(), reports, chains);
  }
}
