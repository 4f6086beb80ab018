package dev.meshcert.core.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.testpki.TestPki;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.NoticeReference;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.bouncycastle.asn1.x509.ReasonFlags;
import org.bouncycastle.asn1.x509.UserNotice;
import org.junit.jupiter.api.Test;

/** Each extension type decoded from certificates built with the test PKI. */
class ExtensionDecodingTest {

  private final TestPki pki = new TestPki();

  private static byte[] der(ASN1Encodable v) {
    try {
      return v.toASN1Primitive().getEncoded();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ExtensionFacts ext(CertificateFacts c, ASN1ObjectIdentifier oid) {
    return c.extension(oid.getId()).orElseThrow();
  }

  private CertificateFacts withExtension(
      ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable v) {
    return pki.root("CN=x").extension(oid, critical, der(v)).issue().facts();
  }

  @Test
  void decodesEverySubjectAltNameType() {
    GeneralName other =
        new GeneralName(
            GeneralName.otherName,
            new DERSequence(
                new ASN1Encodable[] {
                  new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.3"),
                  new DERTaggedObject(true, 0, new DERUTF8String("upn@example.com"))
                }));
    CertificateFacts c =
        pki.root("CN=x")
            .dnsSan("example.com")
            .uriSan("spiffe://example.org/ns/a/sa/b")
            .ipSan("192.0.2.1")
            .ipSan("2001:db8:0:0:0:0:0:1")
            .san(new GeneralName(GeneralName.rfc822Name, "a@example.com"))
            .san(new GeneralName(new X500Name("C=US,O=Dir Org,CN=Dir Name")))
            .san(new GeneralName(GeneralName.registeredID, "1.2.3.4"))
            .san(other)
            .issue()
            .facts();

    assertEquals(
        List.of(
            "DNS:example.com",
            "URI:spiffe://example.org/ns/a/sa/b",
            "IP Address:192.0.2.1",
            "IP Address:2001:db8::1",
            "email:a@example.com",
            "DirName:CN=Dir Name,O=Dir Org,C=US",
            "Registered ID:1.2.3.4",
            "othername:1.3.6.1.4.1.311.20.2.3;upn@example.com"),
        c.subjectAltNames().stream().map(GeneralNameFacts::toString).toList());
    assertEquals(
        List.of(
            "DNS:example.com, URI:spiffe://example.org/ns/a/sa/b, IP Address:192.0.2.1, "
                + "IP Address:2001:DB8:0:0:0:0:0:1, email:a@example.com, "
                + "DirName:/C=US/O=Dir Org/CN=Dir Name, Registered ID:1.2.3.4, "
                + "othername: UPN::upn@example.com"),
        ext(c, Extension.subjectAlternativeName).lines());
  }

  @Test
  void decodesAllKeyUsageBits() {
    int all =
        KeyUsage.digitalSignature
            | KeyUsage.nonRepudiation
            | KeyUsage.keyEncipherment
            | KeyUsage.dataEncipherment
            | KeyUsage.keyAgreement
            | KeyUsage.keyCertSign
            | KeyUsage.cRLSign
            | KeyUsage.encipherOnly
            | KeyUsage.decipherOnly;
    CertificateFacts c = pki.root("CN=x").keyUsage(true, all).issue().facts();

    assertEquals(Optional.of(Set.of(KeyUsageBit.values())), c.keyUsage());
    ExtensionFacts ku = ext(c, Extension.keyUsage);
    assertTrue(ku.critical());
    assertEquals(
        List.of(
            "Digital Signature, Non Repudiation, Key Encipherment, Data Encipherment, Key Agreement,"
                + " Certificate Sign, CRL Sign, Encipher Only, Decipher Only"),
        ku.lines());
  }

  @Test
  void decodesExtendedKeyUsageIncludingUnknownPurposes() {
    CertificateFacts c =
        pki.root("CN=x")
            .extendedKeyUsage(
                KeyPurposeId.id_kp_serverAuth,
                KeyPurposeId.id_kp_clientAuth,
                KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.4.1.311.10.3.12")))
            .issue()
            .facts();

    assertEquals(
        List.of("serverAuth", "clientAuth", "1.3.6.1.4.1.311.10.3.12"), c.extendedKeyUsage());
    assertEquals(
        List.of(
            "TLS Web Server Authentication, TLS Web Client Authentication, 1.3.6.1.4.1.311.10.3.12"),
        ext(c, Extension.extendedKeyUsage).lines());
  }

  @Test
  void decodesBasicConstraintsWithPathLength() {
    CertificateFacts c = pki.root("CN=x").ca(true, 0).issue().facts();

    assertTrue(c.ca());
    assertEquals(Optional.of(0), c.pathLength());
    assertEquals(List.of("CA:TRUE, pathlen:0"), ext(c, Extension.basicConstraints).lines());
  }

  @Test
  void decodesANonCaLeaf() {
    TestPki.Issued root = pki.root("CN=r").issue();
    CertificateFacts c = pki.leaf(root).uriSan("spiffe://td/x").issue().facts();

    assertFalse(c.ca());
    assertEquals(Optional.empty(), c.pathLength());
    assertEquals(List.of("CA:FALSE"), ext(c, Extension.basicConstraints).lines());
  }

  @Test
  void linksAuthorityKeyIdToTheIssuersSubjectKeyId() {
    TestPki.Issued root = pki.root("CN=r").issue();
    CertificateFacts leaf = pki.leaf(root).uriSan("spiffe://td/x").issue().facts();
    String ski = root.facts().subjectKeyId().orElseThrow();

    assertEquals(Optional.of(ski), leaf.authorityKeyId());
    assertEquals(
        List.of(Hex.colonize(ski).toUpperCase(java.util.Locale.ROOT)),
        ext(leaf, Extension.authorityKeyIdentifier).lines());
  }

  @Test
  void decodesAuthorityKeyIdWithIssuerAndSerial() {
    AuthorityKeyIdentifier aki =
        new AuthorityKeyIdentifier(
            new byte[] {1, 2, 3},
            new GeneralNames(new GeneralName(new X500Name("CN=Issuer"))),
            BigInteger.valueOf(0x04d2));
    CertificateFacts c =
        pki.root("CN=x")
            .noKeyIdentifiers()
            .extension(Extension.authorityKeyIdentifier, false, der(aki))
            .issue()
            .facts();

    assertEquals(Optional.of("010203"), c.authorityKeyId());
    assertEquals(
        List.of("keyid:01:02:03", "DirName:/CN=Issuer", "serial:04:D2"),
        ext(c, Extension.authorityKeyIdentifier).lines());
  }

  @Test
  void keepsTheKeyIdOfAnAuthorityKeyIdWithIssuerButNoSerial() {
    DERSequence aki =
        new DERSequence(
            new ASN1Encodable[] {
              new DERTaggedObject(
                  false, 0, new org.bouncycastle.asn1.DEROctetString(new byte[] {9})),
              new DERTaggedObject(false, 1, new GeneralNames(new GeneralName(new X500Name("CN=I"))))
            });
    CertificateFacts c =
        pki.root("CN=x")
            .noKeyIdentifiers()
            .extension(Extension.authorityKeyIdentifier, false, der(aki))
            .issue()
            .facts();

    assertEquals(Optional.of("09"), c.authorityKeyId());
    assertEquals(List.of(), c.problems());
  }

  @Test
  void decodesNameConstraints() {
    NameConstraints nc =
        new NameConstraints(
            new GeneralSubtree[] {
              new GeneralSubtree(new GeneralName(GeneralName.dNSName, ".example.com")),
              new GeneralSubtree(new GeneralName(GeneralName.iPAddress, "10.0.0.0/8"))
            },
            new GeneralSubtree[] {
              new GeneralSubtree(
                  new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://evil")),
              new GeneralSubtree(new GeneralName(new X500Name("O=Bad,C=US")))
            });
    CertificateFacts c = withExtension(Extension.nameConstraints, true, nc);

    ExtensionFacts e = ext(c, Extension.nameConstraints);
    assertTrue(e.critical());
    assertEquals(
        List.of(
            "Permitted:",
            "  DNS:.example.com",
            "  IP:10.0.0.0/255.0.0.0",
            "Excluded:",
            "  URI:spiffe://evil",
            "  DirName:O = Bad, C = US"),
        e.lines());
  }

  @Test
  void decodesCrlDistributionPoints() {
    GeneralNames uris =
        new GeneralNames(
            new GeneralName(GeneralName.uniformResourceIdentifier, "http://crl.example.com/a.crl"));
    DistributionPoint first = new DistributionPoint(new DistributionPointName(uris), null, null);
    DistributionPoint second =
        new DistributionPoint(
            new DistributionPointName(
                new GeneralNames(
                    new GeneralName(GeneralName.uniformResourceIdentifier, "http://b/b.crl"))),
            new ReasonFlags(ReasonFlags.keyCompromise | ReasonFlags.cACompromise),
            new GeneralNames(new GeneralName(new X500Name("CN=CRL Issuer"))));
    CertificateFacts c =
        withExtension(
            Extension.cRLDistributionPoints,
            false,
            new CRLDistPoint(new DistributionPoint[] {first, second}));

    assertEquals(
        List.of(
            "Full Name:",
            "  URI:http://crl.example.com/a.crl",
            "Full Name:",
            "  URI:http://b/b.crl",
            "Reasons:",
            "  Key Compromise, CA Compromise",
            "CRL Issuer:",
            "  DirName:CN = CRL Issuer"),
        ext(c, Extension.cRLDistributionPoints).lines());
  }

  @Test
  void decodesAuthorityInformationAccess() {
    AuthorityInformationAccess aia =
        new AuthorityInformationAccess(
            new AccessDescription[] {
              new AccessDescription(
                  AccessDescription.id_ad_ocsp,
                  new GeneralName(
                      GeneralName.uniformResourceIdentifier, "http://ocsp.example.com")),
              new AccessDescription(
                  AccessDescription.id_ad_caIssuers,
                  new GeneralName(
                      GeneralName.uniformResourceIdentifier, "http://example.com/ca.crt"))
            });
    CertificateFacts c = withExtension(Extension.authorityInfoAccess, false, aia);

    assertEquals(
        List.of("OCSP - URI:http://ocsp.example.com", "CA Issuers - URI:http://example.com/ca.crt"),
        ext(c, Extension.authorityInfoAccess).lines());
  }

  @Test
  void decodesCertificatePoliciesWithQualifiers() {
    PolicyInformation any = new PolicyInformation(new ASN1ObjectIdentifier("2.5.29.32.0"));
    ASN1EncodableVector numbers = new ASN1EncodableVector();
    numbers.add(new ASN1Integer(1));
    numbers.add(new ASN1Integer(2));
    UserNotice notice =
        new UserNotice(
            new NoticeReference("Acme", numbers),
            new org.bouncycastle.asn1.x509.DisplayText("Use with care"));
    PolicyInformation own =
        new PolicyInformation(
            new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"),
            new DERSequence(
                new ASN1Encodable[] {
                  new PolicyQualifierInfo("http://cps.example.com/"),
                  new PolicyQualifierInfo(
                      org.bouncycastle.asn1.x509.PolicyQualifierId.id_qt_unotice, notice)
                }));
    CertificateFacts c =
        withExtension(
            Extension.certificatePolicies,
            false,
            new CertificatePolicies(new PolicyInformation[] {any, own}));

    assertEquals(
        List.of(
            "Policy: X509v3 Any Policy",
            "Policy: 1.3.6.1.4.1.99999.1",
            "  CPS: http://cps.example.com/",
            "  User Notice:",
            "    Organization: Acme",
            "    Numbers: 1, 2",
            "    Explicit Text: Use with care"),
        ext(c, Extension.certificatePolicies).lines());
  }

  @Test
  void decodesPolicyConstraintsAndInhibitAnyPolicy() {
    DERSequence pc =
        new DERSequence(
            new ASN1Encodable[] {
              new DERTaggedObject(false, 0, new ASN1Integer(1)),
              new DERTaggedObject(false, 1, new ASN1Integer(2))
            });
    CertificateFacts c =
        pki.root("CN=x")
            .extension(Extension.policyConstraints, true, der(pc))
            .extension(Extension.inhibitAnyPolicy, true, der(new ASN1Integer(3)))
            .issue()
            .facts();

    assertEquals(
        List.of("Require Explicit Policy:1, Inhibit Policy Mapping:2"),
        ext(c, Extension.policyConstraints).lines());
    assertEquals(List.of("3"), ext(c, Extension.inhibitAnyPolicy).lines());
  }

  @Test
  void keepsAnUnknownExtensionAsOidCriticalFlagAndHex() {
    ASN1ObjectIdentifier oid = new ASN1ObjectIdentifier("1.3.6.1.4.1.55738.666.1");
    byte[] value = der(new DERIA5String("0123456789abcdefXYZ"));
    CertificateFacts c = pki.root("CN=x").extension(oid, true, value).issue().facts();

    ExtensionFacts e = ext(c, oid);
    assertFalse(e.known());
    assertTrue(e.critical());
    assertEquals(oid.getId(), e.name());
    assertEquals(Hex.lower(value), e.valueHex());
    assertEquals(
        List.of("16:13:30:31:32:33:34:35:36:37:38:39:61:62:63:64", "65:66:58:59:5a"), e.lines());
  }

  @Test
  void reportsAKnownExtensionWhoseValueDoesNotDecode() {
    CertificateFacts c =
        pki.root("CN=x")
            .extension(
                Extension.subjectAlternativeName,
                false,
                "garbage".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .issue()
            .facts();

    ExtensionFacts e = ext(c, Extension.subjectAlternativeName);
    assertTrue(e.problem().isPresent());
    assertTrue(e.lines().get(0).startsWith("(value does not decode"), e.lines().toString());
    assertEquals(List.of(), c.subjectAltNames());
    assertEquals(1, c.problems().size());
  }

  @Test
  void clampsAnAbsurdPathLength() {
    DERSequence bc =
        new DERSequence(
            new ASN1Encodable[] {
              org.bouncycastle.asn1.ASN1Boolean.TRUE,
              new ASN1Integer(new BigInteger("99999999999999"))
            });
    CertificateFacts c =
        pki.root("CN=x")
            .ca(null, null)
            .extension(Extension.basicConstraints, true, der(bc))
            .issue()
            .facts();

    assertTrue(c.ca());
    assertEquals(Optional.of(Integer.MAX_VALUE), c.pathLength());
  }
}
