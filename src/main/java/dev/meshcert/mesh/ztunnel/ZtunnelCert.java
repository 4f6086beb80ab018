package dev.meshcert.mesh.ztunnel;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.List;
import java.util.Optional;

/**
 * One element of a ztunnel {@code certChain} or {@code rootCert} list: the PEM and the metadata
 * ztunnel prints beside it.
 *
 * @param location where in the dump ("certificates[0].certChain[1]")
 * @param role Leaf, Intermediate or Root, by position as istioctl labels it
 * @param certificates the certificates decoded from {@code pem} (normally exactly one)
 * @param serialNumber the {@code serialNumber} as given: a decimal string
 * @param validFrom the {@code validFrom} as given (RFC 3339)
 * @param expirationTime the {@code expirationTime} as given (RFC 3339)
 * @param mismatches how the metadata contradicts the first decoded certificate, one phrase per
 *     field; empty when they agree or nothing could be compared
 */
public record ZtunnelCert(
    String location,
    Role role,
    List<CertificateFacts> certificates,
    Optional<String> serialNumber,
    Optional<String> validFrom,
    Optional<String> expirationTime,
    List<String> mismatches) {

  public ZtunnelCert {
    certificates = List.copyOf(certificates);
    mismatches = List.copyOf(mismatches);
  }

  /** Position of a certificate in a ztunnel chain, as istioctl names it. */
  public enum Role {
    LEAF("Leaf"),
    INTERMEDIATE("Intermediate"),
    ROOT("Root");

    private final String label;

    Role(String label) {
      this.label = label;
    }

    /** "Leaf", "Intermediate", "Root". */
    public String label() {
      return label;
    }
  }
}
