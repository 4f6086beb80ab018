package dev.meshcert.mesh.ztunnel;

import static dev.meshcert.mesh.envoy.JsonFields.objects;
import static dev.meshcert.mesh.envoy.JsonFields.string;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.meshcert.core.cert.CertificateDecodeException;
import dev.meshcert.core.cert.CertificateDecoder;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.read.ReadProblem;
import dev.meshcert.mesh.envoy.EmbeddedPem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Walks a ztunnel dump tree into {@link ZtunnelDump}. One instance per dump. */
final class ZtunnelDumpParser {

  private final List<ReadProblem> problems = new ArrayList<>();

  ZtunnelDump parse(JsonElement root) {
    List<JsonObject> entries = new ArrayList<>();
    if (root.isJsonArray()) {
      root.getAsJsonArray().forEach(e -> addObject(e, entries));
    } else if (root.isJsonObject()) {
      entries.addAll(objects(root.getAsJsonObject(), "certificates"));
    }
    List<ZtunnelCertificate> certificates = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      certificates.add(certificate(entries.get(i), "certificates[" + i + "]"));
    }
    return new ZtunnelDump(certificates, problems);
  }

  private static void addObject(JsonElement e, List<JsonObject> into) {
    if (e.isJsonObject()) {
      into.add(e.getAsJsonObject());
    }
  }

  private ZtunnelCertificate certificate(JsonObject entry, String where) {
    String identity = string(entry, "identity").orElse("");
    List<JsonObject> chain = objects(entry, "cert_chain");
    List<JsonObject> roots = objects(entry, "root_cert");
    boolean legacy = roots.isEmpty();
    List<ZtunnelCert> chainCerts = new ArrayList<>();
    for (int i = 0; i < chain.size(); i++) {
      ZtunnelCert.Role role =
          i == 0
              ? ZtunnelCert.Role.LEAF
              : legacy && i == chain.size() - 1
                  ? ZtunnelCert.Role.ROOT
                  : ZtunnelCert.Role.INTERMEDIATE;
      chainCerts.add(cert(chain.get(i), where + ".certChain[" + i + "]", role, identity));
    }
    List<ZtunnelCert> rootCerts = new ArrayList<>();
    for (int i = 0; i < roots.size(); i++) {
      rootCerts.add(
          cert(roots.get(i), where + ".rootCert[" + i + "]", ZtunnelCert.Role.ROOT, identity));
    }
    return new ZtunnelCertificate(
        identity, string(entry, "state").orElse(""), chainCerts, rootCerts);
  }

  private ZtunnelCert cert(JsonObject element, String where, ZtunnelCert.Role role, String id) {
    List<CertificateFacts> certs =
        string(element, "pem").map(p -> decode(where, p)).orElse(List.of());
    ZtunnelCert partial =
        new ZtunnelCert(
            where,
            role,
            certs,
            string(element, "serial_number"),
            string(element, "valid_from"),
            string(element, "expiration_time"),
            List.of());
    List<String> mismatches =
        certs.isEmpty() ? List.of() : MetadataCheck.compare(partial, certs.get(0));
    if (!mismatches.isEmpty()) {
      problems.add(
          new ReadProblem(
              where + " (" + role.label() + " of " + id + ")",
              "the JSON metadata contradicts the PEM: "
                  + String.join("; ", mismatches)
                  + " (the certificate is taken as authority)"));
    }
    return new ZtunnelCert(
        where,
        role,
        certs,
        partial.serialNumber(),
        partial.validFrom(),
        partial.expirationTime(),
        mismatches);
  }

  /** A {@code pem} is PEM text, or base64 of PEM text or of DER. */
  private List<CertificateFacts> decode(String where, String pem) {
    byte[] bytes = pem.getBytes(StandardCharsets.UTF_8);
    if (!pem.contains("-----BEGIN")) {
      try {
        bytes = Base64.getMimeDecoder().decode(pem.strip());
      } catch (IllegalArgumentException e) {
        problems.add(new ReadProblem(where, "pem is neither PEM text nor base64"));
        return List.of();
      }
      if (!new String(bytes, StandardCharsets.ISO_8859_1).contains("-----BEGIN")) {
        return der(where, bytes);
      }
    }
    EmbeddedPem.Decoded decoded = EmbeddedPem.decode(where, bytes);
    problems.addAll(decoded.problems());
    return decoded.certificates();
  }

  private List<CertificateFacts> der(String where, byte[] der) {
    try {
      return List.of(new CertificateDecoder().decode(der));
    } catch (CertificateDecodeException e) {
      problems.add(new ReadProblem(where, "base64 pem is not a certificate: " + e.getMessage()));
      return List.of();
    }
  }
}
