package dev.meshcert.ui.inspect;

import dev.meshcert.core.cert.CertificateFacts;

/** Renders a certificate as text like {@code openssl x509 -text}. */
@FunctionalInterface
public interface CertificateTextRenderer {

  String render(CertificateFacts certificate);
}
