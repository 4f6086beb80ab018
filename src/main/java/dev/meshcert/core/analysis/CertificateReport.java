package dev.meshcert.core.analysis;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.expiry.ExpiryStatus;
import dev.meshcert.core.finding.Finding;
import dev.meshcert.core.spiffe.SpiffeId;
import java.util.List;
import java.util.Optional;

/**
 * What the analysis says about one distinct certificate.
 *
 * @param certificate the certificate
 * @param expiry its validity at the analysis instant
 * @param spiffeId its SPIFFE ID when it has a valid one
 * @param findings verdicts about this certificate alone
 */
public record CertificateReport(
    CertificateFacts certificate,
    ExpiryStatus expiry,
    Optional<SpiffeId> spiffeId,
    List<Finding> findings) {

  public CertificateReport {
    findings = List.copyOf(findings);
  }
}
