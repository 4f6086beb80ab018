package dev.meshcert.core.read;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.Map;

/**
 * One certificate found in an input.
 *
 * @param certificate the decoded certificate
 * @param location where in the input ("block 2 at line 31", "data.ca.crt", "secret ROOTCA")
 * @param context what the input said about it, in order: for example {@code secret=default}, {@code
 *     status=ACTIVE}, {@code alias=mykey}, {@code role=trusted CA}. Unmodifiable.
 */
public record CertificateEntry(
    CertificateFacts certificate, String location, Map<String, String> context) {

  public CertificateEntry {
    context = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(context));
  }

  public CertificateEntry(CertificateFacts certificate, String location) {
    this(certificate, location, Map.of());
  }
}
