package dev.meshcert.core.chain;

import dev.meshcert.core.finding.Severity;

/**
 * The chain rules: each reason a certification path can fail, with its stable rule ID, severity,
 * one-line title, what to do, and where the rule comes from. Documented in docs/rules-chain.md.
 */
public enum ChainRule {
  UNTRUSTED(
      "CHAIN-UNTRUSTED",
      Severity.ERROR,
      "chain does not verify to a trust anchor",
      "No path from this certificate to any of the given trust anchors verifies. Peers that trust"
          + " only these anchors will reject it; the other chain findings say why each path"
          + " failed.",
      "RFC 5280 §6.1"),
  NO_ANCHORS(
      "CHAIN-NO-ANCHORS",
      Severity.INFO,
      "not verified: no trust anchors given",
      "Give the mesh's root certificates (--trust FILE, or mark a loaded bundle as trusted) to"
          + " check the chain against them.",
      "RFC 5280 §6.1.1 (d)"),
  MISSING_ISSUER(
      "CHAIN-MISSING-ISSUER",
      Severity.WARNING,
      "issuer certificate not found",
      "The certificate that signed the top of this chain is not among the certificates loaded."
          + " Load the intermediate or root it names, or check that the peer sends its full"
          + " chain.",
      "RFC 5280 §6.1; RFC 4158 §2"),
  ROOT_NOT_TRUSTED(
      "CHAIN-ROOT-NOT-TRUSTED",
      Severity.WARNING,
      "chain ends at a self-signed certificate that is not a trust anchor",
      "The chain reaches a root, but not one of the given trust anchors. Check that the trust"
          + " bundle holds this root (after a root rotation, both old and new).",
      "RFC 5280 §6.1.1 (d)"),
  SIGNATURE(
      "CHAIN-SIGNATURE",
      Severity.ERROR,
      "signature does not verify",
      "A certificate is not signed by the key of the certificate named as its issuer: a"
          + " different CA with the same name (a rotated or re-created root), or a damaged"
          + " certificate.",
      "RFC 5280 §6.1.3 (a)(1)"),
  LINK_EXPIRED(
      "CHAIN-LINK-EXPIRED",
      Severity.ERROR,
      "a certificate in the chain has expired",
      "Every certificate of the path must be valid at the time of checking, the root included."
          + " Renew the expired one.",
      "RFC 5280 §6.1.3 (a)(2)"),
  LINK_NOT_YET_VALID(
      "CHAIN-LINK-NOT-YET-VALID",
      Severity.ERROR,
      "a certificate in the chain is not valid yet",
      "Its notBefore lies in the future: a clock skew between the issuer and this machine, or a"
          + " certificate issued with a future start date.",
      "RFC 5280 §6.1.3 (a)(2)"),
  ISSUER_NOT_CA(
      "CHAIN-ISSUER-NOT-CA",
      Severity.ERROR,
      "issuer is not allowed to sign certificates",
      "A certificate that signs others needs basicConstraints cA=TRUE and, when it has a key"
          + " usage extension, keyCertSign. Re-issue the issuer as a CA.",
      "RFC 5280 §6.1.4 (k), (n); §4.2.1.3; §4.2.1.9"),
  PATH_LENGTH(
      "CHAIN-PATHLEN",
      Severity.ERROR,
      "path length constraint exceeded",
      "A CA's pathLenConstraint allows fewer intermediate CAs below it than this path has."
          + " Shorten the chain or re-issue the CA with a larger path length.",
      "RFC 5280 §6.1.4 (l), (m); §4.2.1.9"),
  NAME_CONSTRAINTS(
      "CHAIN-NAME-CONSTRAINTS",
      Severity.ERROR,
      "name constraints violated",
      "A CA above this certificate restricts the names below it (DNS, URI host such as a SPIFFE"
          + " trust domain, IP, email, directory name), and a name here is outside what it"
          + " permits or inside what it excludes; or the constraints themselves are malformed.",
      "RFC 5280 §6.1.3 (b), (c); §4.2.1.10"),
  UNKNOWN_CRITICAL_EXTENSION(
      "CHAIN-UNKNOWN-CRITICAL-EXT",
      Severity.ERROR,
      "unknown critical extension",
      "A certificate carries an extension marked critical that validators do not process; RFC"
          + " 5280 requires rejecting it. Re-issue without it or mark it non-critical.",
      "RFC 5280 §4.2; §6.1.4 (o)"),
  MALFORMED(
      "CHAIN-MALFORMED-CERT",
      Severity.ERROR,
      "certificate breaks a structural rule of RFC 5280",
      "An extension does not decode, a version 1 or 2 certificate has extensions, an issuer"
          + " name is empty, a CA has an empty subject, or a non-CA asserts keyCertSign.",
      "RFC 5280 §4.1.2.4, §4.1.2.6, §4.1.2.9, §4.2.1.3, §4.2.1.9"),
  LEAF_USAGE(
      "CHAIN-LEAF-USAGE",
      Severity.ERROR,
      "leaf not allowed for the requested use",
      "The leaf's key usage or extended key usage does not include what the check asked for"
          + " (for example serverAuth).",
      "RFC 5280 §4.2.1.3, §4.2.1.12"),
  PEER_NAME(
      "CHAIN-PEER-NAME",
      Severity.ERROR,
      "leaf does not carry the expected name",
      "None of the leaf's subjectAltName entries matches the name the peer was expected to have"
          + " (DNS with a left-most wildcard, IP, URI such as a SPIFFE ID, or email).",
      "RFC 6125 §6.4; RFC 5280 §4.2.1.6"),
  TOO_LONG(
      "CHAIN-TOO-LONG",
      Severity.ERROR,
      "chain longer than allowed",
      "The path has more intermediate CAs than the configured maximum depth.",
      "RFC 5280 §6.1 (local policy)");

  private final String id;
  private final Severity severity;
  private final String title;
  private final String explanation;
  private final String reference;

  ChainRule(String id, Severity severity, String title, String explanation, String reference) {
    this.id = id;
    this.severity = severity;
    this.title = title;
    this.explanation = explanation;
    this.reference = reference;
  }

  /** The stable rule ID, such as {@code CHAIN-PATHLEN}. */
  public String id() {
    return id;
  }

  /** How much a violation matters. */
  public Severity severity() {
    return severity;
  }

  /** One line for lists and badges. */
  public String title() {
    return title;
  }

  /** What it means and what to do. */
  public String explanation() {
    return explanation;
  }

  /** The specification section the rule comes from. */
  public String reference() {
    return reference;
  }
}
