package dev.meshcert.core.read;

import java.util.Map;

/**
 * Certificate information an input gives without the certificate itself, such as Envoy's {@code
 * /certs} admin output (serial, SANs, days until expiration).
 *
 * @param title a short label ("cert_chain[0]", "ca_cert[0]")
 * @param fields the values as given, in order. Unmodifiable.
 */
public record MetadataEntry(String title, Map<String, String> fields) {
  public MetadataEntry {
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
  }
}
