package dev.meshcert.core.chain;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.cert.ExtensionFacts;
import dev.meshcert.core.cert.KeyUsageBit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/**
 * The checks of RFC 5280 §6.1 that do not need the signatures (those are checked while the path is
 * built): validity of every link, the issuers' CA flag and keyCertSign, path length, name
 * constraints, unknown critical extensions, structural faults, and the caller's requirements on the
 * leaf. Works on complete paths (ending at a trust anchor) and on partial ones alike.
 */
final class PathChecker {
  private PathChecker() {}

  /** Extensions this validator processes; any other one marked critical fails the path. */
  static final Set<ASN1ObjectIdentifier> PROCESSED =
      Set.of(
          Extension.basicConstraints,
          Extension.keyUsage,
          Extension.extendedKeyUsage,
          Extension.subjectAlternativeName,
          Extension.nameConstraints,
          Extension.subjectKeyIdentifier,
          Extension.authorityKeyIdentifier,
          Extension.certificatePolicies);

  /** Beyond this many remembered certificates the structure memo starts over. */
  static final int MAX_REMEMBERED = 100_000;

  private static final Map<String, Boolean> SOUND = new ConcurrentHashMap<>();

  /** Every problem of {@code path} (leaf first) at {@code at}, in link order. */
  static List<PathProblem> check(
      List<CertificateFacts> path, boolean anchored, Instant at, ValidationOptions options) {
    Links links = new Links(path, anchored);
    List<PathProblem> out = new ArrayList<>();
    for (int i = 0; i < path.size(); i++) {
      validity(links, i, at, out);
      if (!sound(path.get(i))) {
        structure(links, i, out);
      }
      if (i > 0) {
        issuer(links, i, out);
      }
    }
    pathLength(links, out);
    NameConstraintsCheck.check(links, out);
    leaf(links, options, out);
    return out;
  }

  private static void validity(Links links, int i, Instant at, List<PathProblem> out) {
    CertificateFacts c = links.path().get(i);
    if (at.isBefore(c.notBefore())) {
      out.add(
          problem(
              ChainRule.LINK_NOT_YET_VALID,
              c,
              links.label(i) + " is not valid before " + c.notBefore()));
    } else if (at.isAfter(c.notAfter())) {
      out.add(problem(ChainRule.LINK_EXPIRED, c, links.label(i) + " expired at " + c.notAfter()));
    }
  }

  /**
   * Whether the certificate has none of the structure problems, remembered by SHA-256: they depend
   * on the certificate alone, and a CA is checked once per path through it (thousands of times in a
   * large bundle). Bounded like the signature cache; only a yes or no is kept.
   */
  private static boolean sound(CertificateFacts c) {
    Boolean known = SOUND.get(c.sha256());
    if (known == null) {
      List<PathProblem> found = new ArrayList<>();
      structure(new Links(List.of(c), false), 0, found);
      known = found.isEmpty();
      if (SOUND.size() >= MAX_REMEMBERED) {
        SOUND.clear();
      }
      SOUND.put(c.sha256(), known);
    }
    return known;
  }

  private static void structure(Links links, int i, List<PathProblem> out) {
    CertificateFacts c = links.path().get(i);
    for (ExtensionFacts e : c.extensions()) {
      ASN1ObjectIdentifier oid = new ASN1ObjectIdentifier(e.oid());
      if (e.critical() && !PROCESSED.contains(oid)) {
        out.add(
            problem(
                ChainRule.UNKNOWN_CRITICAL_EXTENSION,
                c,
                links.label(i)
                    + " has a critical extension this validator does not process: "
                    + (e.name().equals(e.oid()) ? e.oid() : e.name() + " (" + e.oid() + ")")));
      }
      Optional<String> bad = undecodable(c, oid);
      bad.ifPresent(
          what ->
              out.add(
                  problem(
                      ChainRule.MALFORMED,
                      c,
                      links.label(i) + ": its " + what + " does not decode")));
    }
    if (c.version() < 3 && !c.extensions().isEmpty()) {
      out.add(
          problem(
              ChainRule.MALFORMED,
              c,
              links.label(i) + " is version " + c.version() + " but has extensions"));
    }
    if (c.holder().getIssuer().getRDNs().length == 0) {
      out.add(problem(ChainRule.MALFORMED, c, links.label(i) + " has an empty issuer name"));
    }
    if (!c.ca() && c.keyUsage().map(ku -> ku.contains(KeyUsageBit.KEY_CERT_SIGN)).orElse(false)) {
      out.add(
          problem(
              ChainRule.MALFORMED,
              c,
              links.label(i) + " asserts keyCertSign but is not a CA (basicConstraints cA)"));
    }
  }

  /** A processed extension whose value does not parse, by its name. */
  private static Optional<String> undecodable(CertificateFacts c, ASN1ObjectIdentifier oid) {
    Extension ext = c.holder().getExtension(oid);
    if (ext == null) {
      return Optional.empty();
    }
    try {
      ASN1Primitive v = ASN1Primitive.fromByteArray(ext.getExtnValue().getOctets());
      if (oid.equals(Extension.subjectAlternativeName)) {
        GeneralNames.getInstance(v).getNames();
      } else if (oid.equals(Extension.basicConstraints)) {
        BasicConstraints.getInstance(v);
      } else if (oid.equals(Extension.keyUsage)) {
        KeyUsage.getInstance(v);
      } else if (oid.equals(Extension.extendedKeyUsage)) {
        ExtendedKeyUsage.getInstance(v).getUsages();
      } else if (oid.equals(Extension.nameConstraints)) {
        NameConstraints.getInstance(v);
      } else if (oid.equals(Extension.subjectKeyIdentifier)) {
        SubjectKeyIdentifier.getInstance(v);
      } else if (oid.equals(Extension.authorityKeyIdentifier)) {
        AuthorityKeyIdentifier.getInstance(v);
      } else if (oid.equals(Extension.certificatePolicies)) {
        CertificatePolicies.getInstance(v);
      } else if (oid.equals(Extension.authorityInfoAccess)) {
        AuthorityInformationAccess.getInstance(v);
      } else if (oid.equals(Extension.cRLDistributionPoints)) {
        CRLDistPoint.getInstance(v);
      }
      return Optional.empty();
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.of(c.extension(oid.getId()).map(ExtensionFacts::name).orElse(oid.getId()));
    }
  }

  private static void issuer(Links links, int i, List<PathProblem> out) {
    CertificateFacts c = links.path().get(i);
    String issued = SignatureVerifier.label(links.path().get(i - 1));
    // A version 1 root cannot carry basicConstraints; OpenSSL and Go accept it as a CA (Istio's
    // multilevelpki test root is one). Version 3 certificates must say so.
    boolean v1Anchor =
        c.version() == 1 && i == links.path().size() - 1 && (links.anchored() || c.selfIssued());
    if (!c.ca() && !v1Anchor) {
      out.add(
          problem(
              ChainRule.ISSUER_NOT_CA,
              c,
              links.label(i)
                  + " signed "
                  + issued
                  + " but is not a CA ("
                  + (c.extension(Extension.basicConstraints.getId()).isPresent()
                      ? "basicConstraints cA=FALSE"
                      : "no basicConstraints")
                  + ")"));
    }
    if (c.keyUsage().isPresent() && !c.keyUsage().get().contains(KeyUsageBit.KEY_CERT_SIGN)) {
      out.add(
          problem(
              ChainRule.ISSUER_NOT_CA,
              c,
              links.label(i) + " signed " + issued + " but its key usage lacks keyCertSign"));
    }
    if (c.ca() && c.holder().getSubject().getRDNs().length == 0) {
      out.add(problem(ChainRule.MALFORMED, c, links.label(i) + " is a CA with an empty subject"));
    }
  }

  /** RFC 5280 §6.1.4 (l), (m): self-issued intermediates do not count, the leaf never does. */
  private static void pathLength(Links links, List<PathProblem> out) {
    List<CertificateFacts> path = links.path();
    int remaining = Integer.MAX_VALUE;
    int limiter = -1;
    for (int i = path.size() - 1; i >= 1; i--) {
      CertificateFacts c = path.get(i);
      if (i < path.size() - 1 && !c.selfIssued()) {
        if (remaining <= 0) {
          out.add(
              problem(
                  ChainRule.PATH_LENGTH,
                  path.get(limiter),
                  links.label(limiter)
                      + " has pathLenConstraint "
                      + path.get(limiter).pathLength().orElse(0)
                      + " but "
                      + links.label(i)
                      + " is one CA too many below it"));
          return;
        }
        remaining--;
      }
      if (c.pathLength().isPresent() && c.pathLength().get() < remaining) {
        remaining = c.pathLength().get();
        limiter = i;
      }
    }
  }

  private static void leaf(Links links, ValidationOptions options, List<PathProblem> out) {
    CertificateFacts leaf = links.path().get(0);
    if (leaf.keyUsage().isPresent()
        && !leaf.keyUsage().get().containsAll(options.requiredKeyUsage())) {
      out.add(
          problem(
              ChainRule.LEAF_USAGE,
              leaf,
              links.label(0)
                  + " key usage "
                  + leaf.keyUsage().get()
                  + " lacks "
                  + options.requiredKeyUsage()));
    }
    List<String> eku = leaf.extendedKeyUsage();
    if (!options.requiredExtendedKeyUsage().isEmpty()
        && leaf.extension(Extension.extendedKeyUsage.getId()).isPresent()
        && !eku.contains("anyExtendedKeyUsage")
        && !eku.containsAll(options.requiredExtendedKeyUsage())) {
      out.add(
          problem(
              ChainRule.LEAF_USAGE,
              leaf,
              links.label(0)
                  + " extended key usage "
                  + eku
                  + " lacks "
                  + options.requiredExtendedKeyUsage()));
    }
    options
        .peerName()
        .filter(name -> !PeerNameMatcher.matches(leaf, name))
        .ifPresent(
            name ->
                out.add(
                    problem(
                        ChainRule.PEER_NAME,
                        leaf,
                        links.label(0)
                            + " has no subjectAltName matching "
                            + name.kind()
                            + " "
                            + name.value())));
    options.maxIntermediates().ifPresent(max -> depth(links, max, out));
  }

  private static void depth(Links links, int max, List<PathProblem> out) {
    List<CertificateFacts> path = links.path();
    int last = links.anchored() ? path.size() - 1 : path.size();
    long intermediates =
        path.subList(Math.min(1, last), last).stream().filter(c -> !c.selfIssued()).count();
    if (intermediates > max) {
      out.add(
          new PathProblem(
              ChainRule.TOO_LONG,
              Optional.empty(),
              "the path has " + intermediates + " intermediate CAs; at most " + max + " allowed"));
    }
  }

  static PathProblem problem(ChainRule rule, CertificateFacts c, String message) {
    return new PathProblem(rule, Optional.of(c.sha256()), message);
  }
}
