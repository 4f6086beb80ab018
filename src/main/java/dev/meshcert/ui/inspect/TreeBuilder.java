package dev.meshcert.ui.inspect;

import dev.meshcert.core.analysis.Analysis;
import dev.meshcert.core.analysis.CertificateReport;
import dev.meshcert.core.analysis.ChainReport;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.read.CertificateEntry;
import dev.meshcert.core.read.KeyEntry;
import dev.meshcert.core.read.MetadataEntry;
import dev.meshcert.core.read.ReadProblem;
import dev.meshcert.core.read.Source;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.inspect.InspectNode.CertificateData;
import dev.meshcert.ui.inspect.InspectNode.ChainData;
import dev.meshcert.ui.inspect.InspectNode.KeyData;
import dev.meshcert.ui.inspect.InspectNode.MetadataData;
import dev.meshcert.ui.inspect.InspectNode.ProblemData;
import dev.meshcert.ui.inspect.InspectNode.SourceData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the tree: source → chain → certificate → field group. A source lists the chains whose leaf
 * it holds, then its certificates that are in none of those chains, then keys, metadata and
 * problems. Chains span sources: a certificate read from another source says so.
 */
public final class TreeBuilder {

  private final Messages messages;
  private final GroupNodes groups;

  public TreeBuilder(Messages messages) {
    this.messages = messages;
    this.groups = new GroupNodes(messages);
  }

  /**
   * @param sources the sources to show, in order
   * @param analysis the analysis the certificates and chains come from
   */
  public List<InspectNode> build(List<Source> sources, Analysis analysis) {
    return build(sources, analysis, Trust.NONE);
  }

  /**
   * @param sources the sources to show, in order
   * @param analysis the analysis the certificates and chains come from
   * @param trust what the person marked as trusted: those sources, and every trust anchor of the
   *     analysis, are marked {@link Mark#TRUSTED}
   */
  public List<InspectNode> build(List<Source> sources, Analysis analysis, Trust trust) {
    Index index = new Index(analysis);
    List<InspectNode> roots = new ArrayList<>();
    for (Source source : sources) {
      roots.add(source(source, index, trust.sources().contains(source.name())));
    }
    return roots;
  }

  private InspectNode source(Source source, Index index, boolean trusted) {
    String key = "s:" + source.name();
    Set<String> own = new LinkedHashSet<>();
    source.certificates().forEach(e -> own.add(e.certificate().sha256()));
    List<InspectNode> children = new ArrayList<>();
    Set<String> shown = new java.util.HashSet<>();
    int chainNumber = 0;
    for (ChainReport chain : index.analysis.chains()) {
      if (!own.contains(chain.chain().leaf().sha256()) || isLoneRoot(chain)) {
        continue;
      }
      chainNumber++;
      children.add(chain(key + InspectNode.SEP + "c" + chainNumber, chain, own, index));
      chain.chain().certificates().forEach(c -> shown.add(c.sha256()));
    }
    for (String sha : own) {
      if (shown.add(sha)) {
        index.report(sha).ifPresent(r -> children.add(certificate(key, r, own, index)));
      }
    }
    int n = 0;
    for (KeyEntry k : source.keys()) {
      children.add(key(key + InspectNode.SEP + "k" + n++, k, index));
    }
    for (MetadataEntry m : source.metadata()) {
      children.add(metadata(key + InspectNode.SEP + "m" + n++, m));
    }
    for (ReadProblem p : source.problems()) {
      children.add(problem(key + InspectNode.SEP + "p" + n++, p));
    }
    Set<Mark> marks = new LinkedHashSet<>();
    worstExpiry(own.stream().flatMap(s -> index.report(s).stream()).toList()).ifPresent(marks::add);
    if (!source.problems().isEmpty()) {
      marks.add(Mark.ERROR);
    }
    if (trusted) {
      marks.add(Mark.TRUSTED);
    }
    return new InspectNode(
        key,
        displayName(source.name()),
        source.summary() + urgency(own, index),
        marks,
        new SourceData(source),
        children,
        lower(source.name() + " " + source.format().label()));
  }

  /** " · 1 expired · 2 expiring" for the certificates of a source, or "". */
  private String urgency(Set<String> own, Index index) {
    long expired = count(own, index, dev.meshcert.core.expiry.ExpiryState.EXPIRED);
    long expiring = count(own, index, dev.meshcert.core.expiry.ExpiryState.EXPIRING);
    StringBuilder b = new StringBuilder();
    if (expired > 0) {
      b.append(" · ").append(messages.get("tree.source.expired", expired));
    }
    if (expiring > 0) {
      b.append(" · ").append(messages.get("tree.source.expiring", expiring));
    }
    return b.toString();
  }

  private static long count(
      Set<String> own, Index index, dev.meshcert.core.expiry.ExpiryState state) {
    return own.stream()
        .flatMap(s -> index.report(s).stream())
        .filter(r -> r.expiry().state() == state)
        .count();
  }

  private static boolean isLoneRoot(ChainReport chain) {
    return chain.chain().certificates().size() == 1 && chain.chain().endsAtSelfSigned();
  }

  private InspectNode chain(String key, ChainReport report, Set<String> own, Index index) {
    List<CertificateReport> reports = new ArrayList<>();
    List<InspectNode> children = new ArrayList<>();
    for (CertificateFacts c : report.chain().certificates()) {
      index
          .report(c.sha256())
          .ifPresent(
              r -> {
                reports.add(r);
                children.add(certificate(key, r, own, index));
              });
    }
    Set<Mark> marks = new LinkedHashSet<>();
    worstExpiry(reports).ifPresent(marks::add);
    if (report.chain().missingIssuer().isPresent()) {
      marks.add(Mark.ERROR);
    }
    Findings.marks(report.findings()).forEach(marks::add);
    String secondary = messages.get("tree.chain.secondary", report.chain().certificates().size());
    if (report.chain().missingIssuer().isPresent()) {
      secondary += " · " + messages.get("tree.chain.missing", report.chain().missingIssuer().get());
    } else if (report.trusted()) {
      secondary += " · " + messages.get("tree.chain.trusted");
    } else if (!index.anchors.isEmpty()) {
      secondary += " · " + messages.get("tree.chain.untrusted", report.reason());
    }
    return new InspectNode(
        key,
        report.chain().missingIssuer().isPresent()
            ? messages.get("tree.chain.incomplete", report.chain().leaf().displayName())
            : messages.get("tree.chain", report.chain().top().displayName()),
        secondary,
        marks,
        new ChainData(report),
        children,
        "");
  }

  private InspectNode certificate(
      String parentKey, CertificateReport report, Set<String> own, Index index) {
    CertificateFacts c = report.certificate();
    String key = parentKey + InspectNode.SEP + "x:" + c.sha256();
    String foreign = own.contains(c.sha256()) ? "" : index.firstSourceOf(c.sha256());
    Set<Mark> marks = new LinkedHashSet<>();
    marks.add(Mark.of(report.expiry().state()));
    if (report.spiffeId().isPresent()) {
      marks.add(Mark.SPIFFE);
    }
    if (c.ca()) {
      marks.add(Mark.AUTHORITY);
    }
    if (!foreign.isEmpty()) {
      marks.add(Mark.FOREIGN);
    }
    boolean anchor = index.isAnchor(c.sha256());
    if (anchor) {
      marks.add(Mark.TRUSTED);
    }
    Findings.marks(report.findings()).forEach(marks::add);
    String secondary = report.expiry().phrase();

    if (!foreign.isEmpty()) {
      secondary = secondary + " · " + messages.get("tree.from", displayName(foreign));
    }
    return new InspectNode(
        key,
        c.displayName(),
        secondary,
        marks,
        new CertificateData(report, foreign),
        groups.of(key, report),
        lower(searchText(report)));
  }

  private static String searchText(CertificateReport report) {
    CertificateFacts c = report.certificate();
    StringBuilder b = new StringBuilder();
    b.append(c.displayName()).append(' ').append(c.subject()).append(' ').append(c.issuer());
    c.subjectAltNames().forEach(n -> b.append(' ').append(n.value()));
    b.append(' ').append(c.serialHex()).append(' ').append(c.sha256());
    b.append(' ').append(report.expiry().state().name().replace('_', ' '));
    b.append(' ').append(report.expiry().phrase());
    report.findings().forEach(f -> b.append(' ').append(f.rule()));
    return b.toString();
  }

  private InspectNode key(String key, KeyEntry k, Index index) {
    String secondary =
        k.matchedCertificateSha256()
            .flatMap(index::report)
            .map(r -> messages.get("tree.key.matched", r.certificate().displayName()))
            .orElse(messages.get("tree.key.unmatched"));
    return new InspectNode(
        key,
        messages.get("tree.key", k.algorithm(), k.description()),
        secondary,
        Set.of(),
        new KeyData(k),
        List.of(),
        lower("private key " + k.algorithm()));
  }

  private InspectNode metadata(String key, MetadataEntry m) {
    String secondary = String.join(" · ", m.fields().values());
    return new InspectNode(
        key,
        m.title(),
        secondary,
        Set.of(),
        new MetadataData(m),
        List.of(),
        lower(m.title() + " " + secondary));
  }

  private InspectNode problem(String key, ReadProblem p) {
    return new InspectNode(
        key,
        p.toString(),
        "",
        Set.of(Mark.ERROR),
        new ProblemData(p),
        List.of(),
        lower(p.toString()));
  }

  /** The most urgent expiry mark among these certificates. */
  static java.util.Optional<Mark> worstExpiry(List<CertificateReport> reports) {
    return reports.stream()
        .map(r -> Mark.of(r.expiry().state()))
        .min(java.util.Comparator.naturalOrder());
  }

  /** The file name of a path-like source name; other names unchanged. */
  static String displayName(String sourceName) {
    int slash = Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('\\'));
    return slash >= 0 && slash < sourceName.length() - 1
        ? sourceName.substring(slash + 1)
        : sourceName;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** Looks certificates up by SHA-256. */
  private static final class Index {
    final Analysis analysis;
    final Map<String, CertificateReport> reports = new HashMap<>();
    final Map<String, String> firstSource = new HashMap<>();
    final java.util.Set<String> anchors = new java.util.HashSet<>();

    Index(Analysis analysis) {
      this.analysis = analysis;
      for (Source s : analysis.trustSources()) {
        s.certificates().forEach(e -> anchors.add(e.certificate().sha256()));
      }
      analysis.certificates().forEach(r -> reports.put(r.certificate().sha256(), r));
      for (Source s : analysis.sources()) {
        for (CertificateEntry e : s.certificates()) {
          firstSource.putIfAbsent(e.certificate().sha256(), s.name());
        }
      }
    }

    java.util.Optional<CertificateReport> report(String sha256) {
      return java.util.Optional.ofNullable(reports.get(sha256));
    }

    boolean isAnchor(String sha256) {
      return anchors.contains(sha256);
    }

    String firstSourceOf(String sha256) {
      return firstSource.getOrDefault(sha256, "");
    }
  }
}
