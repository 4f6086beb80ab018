package dev.meshcert.core.cert;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.NoticeReference;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierId;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.bouncycastle.asn1.x509.ReasonFlags;
import org.bouncycastle.asn1.x509.UserNotice;

/**
 * OpenSSL-style lines for the multi-line extensions: AKI, name constraints, CRL DP, AIA, policies.
 */
final class ExtensionLines {

  private static final Map<String, String> ACCESS_METHODS =
      Map.of(
          "1.3.6.1.5.5.7.48.1", "OCSP",
          "1.3.6.1.5.5.7.48.2", "CA Issuers",
          "1.3.6.1.5.5.7.48.3", "AD Time Stamping",
          "1.3.6.1.5.5.7.48.5", "CA Repository");

  private static final String[] REASONS = {
    "Unused",
    "Key Compromise",
    "CA Compromise",
    "Affiliation Changed",
    "Superseded",
    "Cessation Of Operation",
    "Certificate Hold",
    "Privilege Withdrawn",
    "AA Compromise"
  };

  private ExtensionLines() {}

  static List<String> lines(String oid, ASN1Primitive v) {
    if (oid.equals(Extension.authorityKeyIdentifier.getId())) {
      return authorityKeyId(AuthorityKeyId.parse(v));
    }
    if (oid.equals(Extension.nameConstraints.getId())) {
      return nameConstraints(NameConstraints.getInstance(v));
    }
    if (oid.equals(Extension.cRLDistributionPoints.getId())
        || oid.equals(Extension.freshestCRL.getId())) {
      return distributionPoints(CRLDistPoint.getInstance(v));
    }
    if (oid.equals(Extension.authorityInfoAccess.getId())
        || oid.equals(Extension.subjectInfoAccess.getId())) {
      return accessDescriptions(AuthorityInformationAccess.getInstance(v));
    }
    if (oid.equals(Extension.certificatePolicies.getId())) {
      return policies(CertificatePolicies.getInstance(v));
    }
    return ExtensionDecoder.hexLines(encoded(v));
  }

  private static List<String> authorityKeyId(AuthorityKeyId aki) {
    List<String> out = new ArrayList<>();
    boolean more = aki.issuer().isPresent() || aki.serial().isPresent();
    aki.keyId().ifPresent(id -> out.add((more ? "keyid:" : "") + Hex.colons(id)));
    aki.issuer()
        .ifPresent(
            names -> {
              for (GeneralName n : names.getNames()) {
                out.add(GeneralNames.listText(n));
              }
            });
    aki.serial().ifPresent(n -> out.add("serial:" + Hex.colons(magnitude(n))));
    return out;
  }

  /** The bytes of |n| without a sign byte, as OpenSSL stores an ASN1_INTEGER. */
  static byte[] magnitude(BigInteger n) {
    byte[] b = n.abs().toByteArray();
    if (b.length > 1 && b[0] == 0) {
      return java.util.Arrays.copyOfRange(b, 1, b.length);
    }
    return b;
  }

  private static List<String> nameConstraints(NameConstraints nc) {
    List<String> out = new ArrayList<>();
    subtrees(out, "Permitted:", nc.getPermittedSubtrees());
    subtrees(out, "Excluded:", nc.getExcludedSubtrees());
    return out;
  }

  private static void subtrees(List<String> out, String label, GeneralSubtree[] trees) {
    if (trees == null) {
      return;
    }
    out.add(label);
    for (GeneralSubtree t : trees) {
      out.add("  " + GeneralNames.subtreeText(t.getBase()));
    }
  }

  private static List<String> distributionPoints(CRLDistPoint dp) {
    List<String> out = new ArrayList<>();
    for (DistributionPoint p : dp.getDistributionPoints()) {
      DistributionPointName name = p.getDistributionPoint();
      if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
        out.add("Full Name:");
        for (GeneralName n :
            org.bouncycastle.asn1.x509.GeneralNames.getInstance(name.getName()).getNames()) {
          out.add("  " + GeneralNames.printText(n));
        }
      } else if (name != null) {
        out.add("Relative Name:");
        X500Name rdn = new X500Name(new RDN[] {RDN.getInstance(name.getName())});
        out.add("  " + Names.openssl(rdn));
      }
      if (p.getReasons() != null) {
        out.add("Reasons:");
        out.add("  " + reasons(p.getReasons()));
      }
      if (p.getCRLIssuer() != null) {
        out.add("CRL Issuer:");
        for (GeneralName n : p.getCRLIssuer().getNames()) {
          out.add("  " + GeneralNames.printText(n));
        }
      }
    }
    return out;
  }

  private static String reasons(ReasonFlags flags) {
    List<String> names = new ArrayList<>();
    byte[] bits = flags.getBytes();
    for (int i = 0; i < REASONS.length; i++) {
      if (i / 8 < bits.length && (bits[i / 8] & (0x80 >> (i % 8))) != 0) {
        names.add(REASONS[i]);
      }
    }
    return String.join(", ", names);
  }

  private static List<String> accessDescriptions(AuthorityInformationAccess aia) {
    List<String> out = new ArrayList<>();
    for (AccessDescription d : aia.getAccessDescriptions()) {
      String id = d.getAccessMethod().getId();
      out.add(
          ACCESS_METHODS.getOrDefault(id, id)
              + " - "
              + GeneralNames.listText(d.getAccessLocation()));
    }
    return out;
  }

  private static List<String> policies(CertificatePolicies policies) {
    List<String> out = new ArrayList<>();
    for (PolicyInformation p : policies.getPolicyInformation()) {
      String id = p.getPolicyIdentifier().getId();
      out.add("Policy: " + (id.equals("2.5.29.32.0") ? "X509v3 Any Policy" : id));
      if (p.getPolicyQualifiers() == null) {
        continue;
      }
      for (ASN1Encodable q : p.getPolicyQualifiers()) {
        qualifier(out, PolicyQualifierInfo.getInstance(q));
      }
    }
    return out;
  }

  private static void qualifier(List<String> out, PolicyQualifierInfo q) {
    if (q.getPolicyQualifierId().equals(PolicyQualifierId.id_qt_cps)) {
      out.add("  CPS: " + Names.text(q.getQualifier()));
    } else if (q.getPolicyQualifierId().equals(PolicyQualifierId.id_qt_unotice)) {
      out.add("  User Notice:");
      UserNotice notice = UserNotice.getInstance(q.getQualifier());
      NoticeReference ref = notice.getNoticeRef();
      if (ref != null) {
        out.add("    Organization: " + ref.getOrganization().getString());
        List<String> numbers = new ArrayList<>();
        for (ASN1Integer n : ref.getNoticeNumbers()) {
          numbers.add(n.getValue().toString());
        }
        out.add("    Number" + (numbers.size() > 1 ? "s" : "") + ": " + String.join(", ", numbers));
      }
      if (notice.getExplicitText() != null) {
        out.add("    Explicit Text: " + notice.getExplicitText().getString());
      }
    } else {
      out.add("    Unknown Qualifier: " + q.getPolicyQualifierId().getId());
    }
  }

  private static byte[] encoded(ASN1Primitive v) {
    try {
      return v.getEncoded();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("re-encoding a decoded value failed", e);
    }
  }
}
