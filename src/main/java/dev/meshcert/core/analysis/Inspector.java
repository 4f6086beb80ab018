package dev.meshcert.core.analysis;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.chain.Chain;
import dev.meshcert.core.chain.ChainBuilder;
import dev.meshcert.core.chain.ChainFindings;
import dev.meshcert.core.chain.PathValidator;
import dev.meshcert.core.chain.SignatureVerifier;
import dev.meshcert.core.chain.TrustVerdict;
import dev.meshcert.core.expiry.Expiry;
import dev.meshcert.core.finding.Finding;
import dev.meshcert.core.finding.LintEngine;
import dev.meshcert.core.finding.LintReport;
import dev.meshcert.core.read.CertificateEntry;
import dev.meshcert.core.read.KeyMatcher;
import dev.meshcert.core.read.Source;
import dev.meshcert.core.spiffe.SpiffeId;
import dev.meshcert.core.spiffe.SpiffeIdParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Inspects inputs read together, the one analysis the window and the command line share: reads each
 * input, matches private keys to certificates across inputs, builds chains across all of them, and
 * judges every certificate (expiry, SPIFFE ID, findings) and every chain (trust verdict, findings).
 *
 * <p>Pure apart from what its {@link SourceReader} does with the bytes it is given; thread-safe.
 * Signature checks are remembered by its {@link SignatureVerifier}, so inspecting again after
 * adding an input verifies only the new pairs.
 */
public final class Inspector {

  /** From this many certificates or chains on, their reports are computed in parallel. */
  static final int PARALLEL_ITEMS = 64;

  private final SourceReader reader;
  private final SignatureVerifier verifier;

  /**
   * @param reader reads one input (format detection included), for instance {@code
   *     InputReader::read} with the mesh formats added
   */
  public Inspector(SourceReader reader) {
    this(reader, new SignatureVerifier());
  }

  /** An inspector sharing a signature cache with other parts of a session. */
  public Inspector(SourceReader reader, SignatureVerifier verifier) {
    this.reader = reader;
    this.verifier = verifier;
  }

  /**
   * Inspects {@code inputs} together.
   *
   * @param inputs the inputs, in the order given; may be empty
   * @param options when, which policy, which passwords and trust anchors
   * @return the analysis; never null. Inputs that could not be read have a source with problems.
   */
  public Analysis inspect(List<InspectionInput> inputs, InspectOptions options) {
    Instant at = options.clock().instant();
    List<Source> sources = KeyMatcher.match(read(inputs, options));
    List<Source> trustSources = read(options.trustAnchors(), options);

    Map<String, CertificateFacts> distinct = distinct(sources);
    List<Chain> chains = new ChainBuilder(verifier).build(distinct.values());
    Collection<CertificateFacts> anchors = distinct(trustSources).values();
    PathValidator.Bound validator = new PathValidator(verifier).with(anchors, distinct.values());

    LintReport lints =
        LintEngine.lint(List.copyOf(distinct.values()), chains, options.lintContext(at));

    List<CertificateFacts> certs = List.copyOf(distinct.values());
    List<CertificateReport> reports =
        inOrder(
            certs.size(),
            i -> {
              CertificateFacts c = certs.get(i);
              return new CertificateReport(
                  c,
                  Expiry.evaluate(c, at, options.expiryPolicy()),
                  spiffeId(c),
                  lints.forCertificate(c.sha256()));
            });
    List<ChainReport> chainReports =
        inOrder(
            chains.size(),
            i -> {
              Chain chain = chains.get(i);
              TrustVerdict verdict = validator.validate(chain.leaf(), at);
              List<Finding> findings = new ArrayList<>(ChainFindings.of(chain, verdict, at));
              findings.addAll(lints.byChain().get(i));
              return new ChainReport(chain, verdict, findings);
            });
    return new Analysis(at, sources, trustSources, reports, chainReports);
  }

  /**
   * {@code item(0)} to {@code item(count - 1)}, in that order; computed in parallel for many items
   * (every item is independent and pure), sequentially for a few.
   */
  private static <T> List<T> inOrder(int count, IntFunction<T> item) {
    IntStream indexes = IntStream.range(0, count);
    return (count >= PARALLEL_ITEMS ? indexes.parallel() : indexes).mapToObj(item).toList();
  }

  private List<Source> read(List<InspectionInput> inputs, InspectOptions options) {
    List<Source> sources = new ArrayList<>(inputs.size());
    for (InspectionInput input : inputs) {
      sources.add(reader.read(input.name(), input.content(), options.passwords()));
    }
    return sources;
  }

  private static Map<String, CertificateFacts> distinct(List<Source> sources) {
    Map<String, CertificateFacts> distinct = new LinkedHashMap<>();
    for (Source s : sources) {
      for (CertificateEntry e : s.certificates()) {
        distinct.putIfAbsent(e.certificate().sha256(), e.certificate());
      }
    }
    return distinct;
  }

  private static Optional<SpiffeId> spiffeId(CertificateFacts c) {
    return c.spiffeUri().flatMap(uri -> SpiffeIdParser.parse(uri).id());
  }
}
