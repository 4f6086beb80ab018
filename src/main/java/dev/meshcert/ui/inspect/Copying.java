package dev.meshcert.ui.inspect;

import dev.meshcert.core.analysis.Analysis;
import dev.meshcert.core.analysis.CertificateReport;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.inspect.InspectNode.CertificateData;
import dev.meshcert.ui.inspect.InspectNode.ChainData;
import dev.meshcert.ui.inspect.InspectNode.GroupData;
import dev.meshcert.ui.inspect.InspectNode.SourceData;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What copying a node gives, and lookups in the tree. */
final class Copying {
  private Copying() {}

  /** The text "copy value" puts on the clipboard for this node. */
  static String value(InspectNode node, Details details, Messages messages) {
    InspectNode.Data data = node.data();
    if (data instanceof SourceData s) {
      return s.source().name();
    }
    if (data instanceof ChainData c) {
      return c.chain().chain().certificates().stream()
          .map(CertificateFacts::displayName)
          .collect(Collectors.joining(" → "));
    }
    if (data instanceof CertificateData c) {
      return summary(c.report(), messages);
    }
    return details.groups().stream().map(FieldGroup::asText).collect(Collectors.joining("\n\n"));
  }

  private static String summary(CertificateReport report, Messages messages) {
    CertificateFacts c = report.certificate();
    return messages.get(
        "copy.summary",
        c.subject(),
        c.issuer(),
        c.serialHex(),
        Formats.instant(c.notAfter()),
        report.expiry().phrase(),
        c.sha256(),
        report.spiffeId().map(id -> id.uri()).orElse("-"));
  }

  /** The PEM blocks of these certificates, one after the other. */
  static String pem(List<CertificateReport> certificates) {
    return certificates.stream()
        .map(r -> Formats.pem(r.certificate().der()))
        .collect(Collectors.joining());
  }

  /** The text views of these certificates, separated by an empty line. */
  static String text(List<CertificateReport> certificates, CertificateTextRenderer renderer) {
    return certificates.stream()
        .map(r -> renderer.render(r.certificate()))
        .collect(Collectors.joining("\n"));
  }

  /** The certificates a node stands for: one, a chain's, or a source's, without repeats. */
  static List<CertificateReport> certificates(InspectNode node, Analysis analysis) {
    InspectNode.Data data = node.data();
    Set<String> shas = new LinkedHashSet<>();
    if (data instanceof SourceData s) {
      s.source().certificates().forEach(e -> shas.add(e.certificate().sha256()));
    } else if (data instanceof ChainData c) {
      c.chain().chain().certificates().forEach(f -> shas.add(f.sha256()));
    } else if (data instanceof CertificateData c) {
      return List.of(c.report());
    } else if (data instanceof GroupData g) {
      return List.of(g.report());
    }
    java.util.Map<String, CertificateReport> bySha = new java.util.HashMap<>();
    analysis.certificates().forEach(r -> bySha.put(r.certificate().sha256(), r));
    return shas.stream().filter(bySha::containsKey).map(bySha::get).toList();
  }

  /** The node with this key, anywhere in the tree. */
  static Optional<InspectNode> find(List<InspectNode> nodes, String key) {
    for (InspectNode n : nodes) {
      if (n.key().equals(key)) {
        return Optional.of(n);
      }
      if (key.startsWith(n.key() + InspectNode.SEP)) {
        return find(n.children(), key);
      }
    }
    return Optional.empty();
  }

  /** The first certificate node, depth first. */
  static Optional<InspectNode> firstCertificate(List<InspectNode> nodes) {
    for (InspectNode n : nodes) {
      if (n.data() instanceof CertificateData) {
        return Optional.of(n);
      }
      Optional<InspectNode> below = firstCertificate(n.children());
      if (below.isPresent()) {
        return below;
      }
    }
    return Optional.empty();
  }
}
