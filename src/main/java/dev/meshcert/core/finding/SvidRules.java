package dev.meshcert.core.finding;

import static dev.meshcert.core.finding.Severity.ERROR;
import static dev.meshcert.core.finding.Severity.INFO;
import static dev.meshcert.core.finding.Severity.WARNING;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.cert.ExtensionFacts;
import dev.meshcert.core.cert.KeyUsageBit;
import dev.meshcert.core.spiffe.SpiffeIdParser;
import dev.meshcert.core.spiffe.SpiffeIdResult;
import dev.meshcert.core.spiffe.SpiffeIdViolation;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The MUST and MUST NOT of the X.509-SVID specification (spiffe/spiffe {@code
 * standards/X509-SVID.md}) for leaf SVIDs and signing certificates, plus the SPIFFE-ID rules for
 * the ID in the URI SAN. Applied when the profile is SPIFFE or Istio.
 */
final class SvidRules {

  private static final String SPEC = "SPIFFE X509-SVID ";
  private static final String KEY_USAGE_OID = "2.5.29.15";

  static final Rule URI_SAN_MISSING =
      new Rule(
          "SVID-URI-SAN-MISSING",
          ERROR,
          "SVID has no URI SAN",
          SPEC + "§2 (X-1)",
          "An X.509-SVID carries its SPIFFE ID as exactly one URI subjectAltName; without one,"
              + " SPIFFE validators reject the certificate and peers cannot tell which workload it"
              + " is. Reissue it with the SPIFFE ID as a URI SAN.");
  static final Rule URI_SAN_MULTIPLE =
      new Rule(
          "SVID-URI-SAN-MULTIPLE",
          ERROR,
          "SVID has more than one URI SAN",
          SPEC + "§2, §5.2 (X-1, X-2)",
          "Validators must reject an SVID with more than one URI SAN, because it would name more"
              + " than one identity. Keep only the SPIFFE ID; DNS and other SANs may stay.");
  static final Rule LEAF_ROOT_PATH =
      new Rule(
          "SVID-LEAF-ROOT-PATH",
          ERROR,
          "leaf SPIFFE ID has no path",
          SPEC + "§3.1, §5.2 (X-4)",
          "spiffe://TRUST_DOMAIN alone names the trust domain, not a workload, and validators"
              + " reject it on a leaf. Give the workload an ID with a path, such as"
              + " spiffe://TRUST_DOMAIN/ns/NAMESPACE/sa/SERVICE_ACCOUNT.");
  static final Rule LEAF_CA =
      new Rule(
          "SVID-LEAF-CA",
          ERROR,
          "leaf SVID is a CA",
          SPEC + "§4.1, §5.2 (X-10)",
          "A leaf SVID must have basicConstraints cA=false; validators reject a leaf that could"
              + " sign certificates. Reissue it without the CA flag.");
  static final Rule KEY_USAGE_MISSING =
      new Rule(
          "SVID-KEY-USAGE-MISSING",
          ERROR,
          "SVID has no key usage extension",
          SPEC + "§4.3 (X-12)",
          "Every SVID, leaf or signing, must carry a critical keyUsage extension: digitalSignature"
              + " on leaves, keyCertSign on signing certificates.");
  static final Rule KEY_USAGE_NOT_CRITICAL =
      new Rule(
          "SVID-KEY-USAGE-NOT-CRITICAL",
          WARNING,
          "SVID key usage is not critical",
          SPEC + "§4.3 (X-12)",
          "The specification requires the keyUsage extension to be critical. Istio, Envoy,"
              + " ztunnel and go-spiffe accept it anyway (real tooling issues such certificates),"
              + " so nothing breaks today, but a strict SPIFFE validator may refuse it. Mark"
              + " keyUsage critical in the issuing CA's template.");
  static final Rule LEAF_NO_DIGITAL_SIGNATURE =
      new Rule(
          "SVID-LEAF-NO-DIGITAL-SIGNATURE",
          ERROR,
          "leaf SVID lacks digitalSignature",
          SPEC + "§4.3 (X-14)",
          "A leaf SVID signs TLS handshakes, so its key usage must include digitalSignature;"
              + " go-spiffe and TLS stacks reject it otherwise.");
  static final Rule LEAF_KEY_CERT_SIGN =
      new Rule(
          "SVID-LEAF-KEY-CERT-SIGN",
          ERROR,
          "leaf SVID has keyCertSign",
          SPEC + "§4.3, §5.2 (X-15)",
          "A leaf must not be able to sign certificates; validators reject a leaf SVID with"
              + " keyCertSign. Reissue it without that key usage.");
  static final Rule LEAF_CRL_SIGN =
      new Rule(
          "SVID-LEAF-CRL-SIGN",
          ERROR,
          "leaf SVID has cRLSign",
          SPEC + "§4.3, §5.2 (X-15)",
          "A leaf must not sign CRLs; validators reject a leaf SVID with cRLSign. Reissue it"
              + " without that key usage.");
  static final Rule LEAF_EKU_MISSING =
      new Rule(
          "SVID-LEAF-EKU-MISSING",
          INFO,
          "leaf SVID has no extended key usage",
          SPEC + "§4.4 (X-16)",
          "Leaf SVIDs should carry extendedKeyUsage with serverAuth and clientAuth. Without it TLS"
              + " stacks allow any purpose, so nothing breaks.");
  static final Rule LEAF_EKU_INCOMPLETE =
      new Rule(
          "SVID-LEAF-EKU-INCOMPLETE",
          ERROR,
          "leaf SVID's extended key usage lacks serverAuth or clientAuth",
          SPEC + "§4.4 (X-16)",
          "When a leaf SVID has extendedKeyUsage it must include both serverAuth and clientAuth:"
              + " in mTLS the same certificate serves as client and as server, and the peer"
              + " rejects it in the missing role.");

  /** Every rule here, in documentation order; the SPIFFE-ID rules come from the parser. */
  static final List<Rule> RULES =
      List.of(
          URI_SAN_MISSING,
          URI_SAN_MULTIPLE,
          LEAF_ROOT_PATH,
          LEAF_CA,
          KEY_USAGE_MISSING,
          KEY_USAGE_NOT_CRITICAL,
          LEAF_NO_DIGITAL_SIGNATURE,
          LEAF_KEY_CERT_SIGN,
          LEAF_CRL_SIGN,
          LEAF_EKU_MISSING,
          LEAF_EKU_INCOMPLETE);

  private SvidRules() {}

  static void check(Subject s, List<Finding> out) {
    if (!s.spiffe()) {
      return;
    }
    CertificateFacts c = s.cert();
    List<String> uris = c.uriSans();
    if (uris.size() > 1) {
      out.add(URI_SAN_MULTIPLE.about(c, "It has " + uris.size() + " URI SANs: " + uris));
    }
    if (uris.isEmpty() && s.role() == CertificateRole.ROOT) {
      // A trust anchor without a SPIFFE ID is bundle material, not an SVID: path validation takes
      // only its name and key, and go-spiffe checks the SVID's own chain, never the bundle.
      out.add(SvidSigningRules.SIGNING_NOT_SVID.about(c, "The root CA has no URI SAN"));
      return;
    }
    if (uris.isEmpty()) {
      if (s.leaf()) {
        out.add(URI_SAN_MISSING.about(c, "The leaf has no URI SAN"));
      } else {
        out.add(
            SvidSigningRules.SIGNING_NOT_SVID.about(c, "The " + roleName(s) + " has no URI SAN"));
      }
    } else {
      checkId(s, uris.get(0), out);
    }
    if (s.leaf()) {
      checkLeaf(s, out);
    } else {
      SvidSigningRules.check(s, out);
    }
    checkKeyUsagePresence(s, out);
  }

  private static void checkId(Subject s, String uri, List<Finding> out) {
    CertificateFacts c = s.cert();
    SpiffeIdResult r = SpiffeIdParser.parse(uri);
    for (SpiffeIdViolation v : r.violations()) {
      out.add(SpiffeIdRules.rule(v.rule()).about(c, "URI SAN '" + uri + "': " + v.message()));
    }
    r.id()
        .ifPresent(
            id -> {
              if (s.leaf() && id.path().isEmpty()) {
                out.add(LEAF_ROOT_PATH.about(c, "The leaf's SPIFFE ID is " + id));
              }
              if (!s.leaf() && !id.path().isEmpty()) {
                out.add(
                    SvidSigningRules.SIGNING_ID_HAS_PATH.about(
                        c, "The " + roleName(s) + "'s SPIFFE ID is " + id));
              }
            });
  }

  private static void checkLeaf(Subject s, List<Finding> out) {
    CertificateFacts c = s.cert();
    if (c.ca()) {
      out.add(LEAF_CA.about(c, "basicConstraints says cA=true"));
    }
    c.keyUsage()
        .ifPresent(
            ku -> {
              if (!ku.contains(KeyUsageBit.DIGITAL_SIGNATURE)) {
                out.add(LEAF_NO_DIGITAL_SIGNATURE.about(c, "Key usage is " + labels(ku)));
              }
              if (ku.contains(KeyUsageBit.KEY_CERT_SIGN)) {
                out.add(LEAF_KEY_CERT_SIGN.about(c, "Key usage is " + labels(ku)));
              }
              if (ku.contains(KeyUsageBit.CRL_SIGN)) {
                out.add(LEAF_CRL_SIGN.about(c, "Key usage is " + labels(ku)));
              }
            });
    List<String> eku = c.extendedKeyUsage();
    if (c.extension("2.5.29.37").isEmpty()) {
      out.add(LEAF_EKU_MISSING.about(c, ""));
    } else if (!eku.contains("serverAuth") || !eku.contains("clientAuth")) {
      out.add(LEAF_EKU_INCOMPLETE.about(c, "Extended key usage is " + eku));
    }
  }

  private static void checkKeyUsagePresence(Subject s, List<Finding> out) {
    CertificateFacts c = s.cert();
    java.util.Optional<ExtensionFacts> ku = c.extension(KEY_USAGE_OID);
    if (ku.isEmpty()) {
      out.add(KEY_USAGE_MISSING.about(c, "The " + roleName(s) + " has no keyUsage extension"));
    } else if (!ku.get().critical()) {
      out.add(KEY_USAGE_NOT_CRITICAL.about(c, "keyUsage is present but not marked critical"));
    }
  }

  static String roleName(Subject s) {
    return switch (s.role()) {
      case LEAF -> "leaf";
      case INTERMEDIATE -> "intermediate CA";
      case ROOT -> "root CA";
    };
  }

  static String labels(Set<KeyUsageBit> ku) {
    if (ku.isEmpty()) {
      return "empty";
    }
    return String.join(
        ", ",
        Arrays.stream(KeyUsageBit.values()).filter(ku::contains).map(KeyUsageBit::label).toList());
  }
}
