package dev.meshcert.mesh.istioctl;

/**
 * One row of {@code istioctl proxy-config secret}, values formatted as istioctl formats them.
 *
 * @param resourceName the SDS resource name
 * @param type "Cert Chain", "CA", or "" when the secret holds no certificate
 * @param status ACTIVE, WARMING or UNINITIALIZED
 * @param valid the instant given lies strictly between NOT BEFORE and NOT AFTER of the first
 *     certificate
 * @param serialNumber {@code %032x} of the first certificate's serial, or ""
 * @param notAfter RFC 3339, or ""
 * @param notBefore RFC 3339, or ""
 * @param trustDomain the trust domain of a SPIFFE validator bundle, or of the leaf's SPIFFE ID; ""
 *     when unknown
 */
public record SecretRow(
    String resourceName,
    String type,
    String status,
    boolean valid,
    String serialNumber,
    String notAfter,
    String notBefore,
    String trustDomain) {}
