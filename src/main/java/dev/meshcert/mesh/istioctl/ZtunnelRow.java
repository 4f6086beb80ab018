package dev.meshcert.mesh.istioctl;

import java.util.List;
import java.util.Optional;

/**
 * One row of {@code istioctl ztunnel-config certificates}: the columns as istioctl fills them from
 * ztunnel's JSON metadata, plus what the PEM itself says.
 *
 * @param name the identity
 * @param type Leaf, Intermediate, Root, or NA for an identity without certificate
 * @param status the state, "Unavailable" for any state containing it
 * @param valid from the JSON {@code validFrom} and {@code expirationTime} at the instant given
 * @param serialNumber {@code %x} of the JSON decimal serial, or NA
 * @param notAfter the JSON {@code expirationTime} as given, or NA
 * @param notBefore the JSON {@code validFrom} as given, or NA
 * @param pemValid the same validity computed from the decoded certificate; empty without one
 * @param mismatches how the JSON metadata contradicts the PEM, one phrase per field
 */
public record ZtunnelRow(
    String name,
    String type,
    String status,
    boolean valid,
    String serialNumber,
    String notAfter,
    String notBefore,
    Optional<Boolean> pemValid,
    List<String> mismatches) {

  public ZtunnelRow {
    mismatches = List.copyOf(mismatches);
  }

  /** The PEM contradicts the metadata (in any field) or gives another VALID CERT. */
  public boolean disagrees() {
    return !mismatches.isEmpty() || pemValid.filter(p -> p != valid).isPresent();
  }
}
