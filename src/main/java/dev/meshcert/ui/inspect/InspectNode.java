package dev.meshcert.ui.inspect;

import dev.meshcert.core.analysis.CertificateReport;
import dev.meshcert.core.analysis.ChainReport;
import dev.meshcert.core.read.KeyEntry;
import dev.meshcert.core.read.MetadataEntry;
import dev.meshcert.core.read.ReadProblem;
import dev.meshcert.core.read.Source;
import java.util.List;
import java.util.Set;

/**
 * One node of the inspection tree: source, chain, certificate, field group, key, metadata or
 * problem. Immutable; the view turns it into tree items.
 *
 * @param key stable identity across rebuilds, for keeping selection and expansion
 * @param label the main text
 * @param secondary a quieter text after it ("expires in 3 h"), or ""
 * @param marks highlights
 * @param data what the node stands for
 * @param children child nodes in order
 * @param searchText lowercase text the filter matches against, "" for nodes it never matches
 */
public record InspectNode(
    String key,
    String label,
    String secondary,
    Set<Mark> marks,
    Data data,
    List<InspectNode> children,
    String searchText) {

  /** Separates the parts of a key: a node's key is its parent's key, SEP, and its own part. */
  public static final String SEP = "\u001f";

  public InspectNode {
    marks = Set.copyOf(marks);
    children = List.copyOf(children);
  }

  /** The same node with other children. */
  public InspectNode withChildren(List<InspectNode> newChildren) {
    return new InspectNode(key, label, secondary, marks, data, newChildren, searchText);
  }

  /** Whether this node is {@code other} or lies below it. */
  public boolean isWithin(InspectNode other) {
    return key.equals(other.key) || key.startsWith(other.key + SEP);
  }

  /** What a node stands for. */
  public sealed interface Data {}

  /** An input. */
  public record SourceData(Source source) implements Data {}

  /** A chain of certificates. */
  public record ChainData(ChainReport chain) implements Data {}

  /**
   * A certificate.
   *
   * @param foreignSource the name of the source it was read from when that is not the source the
   *     node is under, or ""
   */
  public record CertificateData(CertificateReport report, String foreignSource) implements Data {}

  /** One field group of a certificate. */
  public record GroupData(CertificateReport report, GroupId group) implements Data {}

  /** A private key (described, never shown). */
  public record KeyData(KeyEntry key) implements Data {}

  /** Certificate information without the certificate. */
  public record MetadataData(MetadataEntry entry) implements Data {}

  /** Something in an input that could not be read. */
  public record ProblemData(ReadProblem problem) implements Data {}
}
