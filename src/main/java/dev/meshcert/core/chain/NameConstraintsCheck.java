package dev.meshcert.core.chain;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.NameConstraints;

/**
 * Applies each CA's nameConstraints to the certificates below it in a path (RFC 5280 §6.1.3 (b),
 * (c)): the subject (as a directory name and through its emailAddress attributes) and every
 * subjectAltName entry. Self-issued intermediates are exempt; the leaf never is. A trust anchor's
 * constraints apply too, as most validators do.
 */
final class NameConstraintsCheck {
  private NameConstraintsCheck() {}

  static void check(Links links, List<PathProblem> out) {
    List<CertificateFacts> path = links.path();
    for (int k = path.size() - 1; k >= 0; k--) {
      CertificateFacts ca = path.get(k);
      Extension ext = ca.holder().getExtension(Extension.nameConstraints);
      if (ext == null) {
        continue;
      }
      if (!ca.ca()) {
        out.add(problem(ca, links.label(k) + " has name constraints but is not a CA"));
        continue;
      }
      NameConstraintSet.Result parsed;
      try {
        parsed = NameConstraintSet.parse(NameConstraints.getInstance(ext.getParsedValue()));
      } catch (RuntimeException e) {
        parsed = new NameConstraintSet.Result(null, "the extension does not decode");
      }
      if (parsed.set() == null) {
        out.add(
            problem(
                ca,
                "name constraints of " + links.label(k) + " are malformed: " + parsed.problem()));
        continue;
      }
      for (int j = k - 1; j >= 0; j--) {
        CertificateFacts below = path.get(j);
        if (j > 0 && below.selfIssued()) {
          continue;
        }
        for (GeneralName name : names(below)) {
          Optional<String> why = parsed.set().judge(name);
          if (why.isPresent()) {
            out.add(
                problem(
                    below,
                    "name constraints of "
                        + links.label(k)
                        + ": "
                        + links.label(j)
                        + " has "
                        + why.get()));
            break;
          }
        }
      }
    }
  }

  private static PathProblem problem(CertificateFacts c, String message) {
    return new PathProblem(ChainRule.NAME_CONSTRAINTS, Optional.of(c.sha256()), message);
  }

  /** Every name of a certificate that name constraints apply to. */
  static List<GeneralName> names(CertificateFacts c) {
    List<GeneralName> names = new ArrayList<>();
    X500Name subject = c.holder().getSubject();
    boolean hasSan = c.holder().getExtension(Extension.subjectAlternativeName) != null;
    if (subject.getRDNs().length > 0) {
      names.add(new GeneralName(subject));
    }
    if (!hasSan) {
      // RFC 5280 §4.2.1.10: without a SAN, rfc822Name constraints apply to emailAddress.
      for (RDN rdn : subject.getRDNs()) {
        for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
          if (atv.getType().equals(BCStyle.EmailAddress)) {
            String email =
                atv.getValue() instanceof ASN1IA5String s
                    ? s.getString()
                    : IETFUtils.valueToString(atv.getValue());
            names.add(new GeneralName(GeneralName.rfc822Name, new DERIA5String(email)));
          }
        }
      }
    }
    try {
      GeneralNames sans =
          GeneralNames.fromExtensions(c.holder().getExtensions(), Extension.subjectAlternativeName);
      if (sans != null) {
        names.addAll(List.of(sans.getNames()));
      }
    } catch (RuntimeException e) {
      // An undecodable SAN is reported as a malformed certificate by PathChecker.
    }
    return names;
  }
}
