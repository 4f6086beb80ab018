package dev.meshcert.ui.inspect;

import dev.meshcert.ui.common.Icons;
import dev.meshcert.ui.inspect.InspectNode.CertificateData;
import dev.meshcert.ui.inspect.InspectNode.ChainData;
import dev.meshcert.ui.inspect.InspectNode.GroupData;
import dev.meshcert.ui.inspect.InspectNode.KeyData;
import dev.meshcert.ui.inspect.InspectNode.MetadataData;
import dev.meshcert.ui.inspect.InspectNode.SourceData;

/** Which icon a tree node shows: expiry states get their own glyph, not only a colour. */
final class NodeIcons {
  private NodeIcons() {}

  static Icons of(InspectNode node) {
    InspectNode.Data data = node.data();
    if (data instanceof SourceData) {
      return node.marks().contains(Mark.ERROR) && node.children().isEmpty()
          ? Icons.PROBLEM
          : Icons.SOURCE;
    }
    if (data instanceof ChainData c) {
      return c.chain().chain().missingIssuer().isPresent() ? Icons.CHAIN_BROKEN : Icons.CHAIN;
    }
    if (data instanceof CertificateData) {
      if (node.marks().contains(Mark.EXPIRED)) {
        return Icons.EXPIRED;
      }
      if (node.marks().contains(Mark.NOT_YET_VALID)) {
        return Icons.NOT_YET_VALID;
      }
      if (node.marks().contains(Mark.EXPIRING)) {
        return Icons.EXPIRING;
      }
      return node.marks().contains(Mark.AUTHORITY) ? Icons.AUTHORITY : Icons.CERTIFICATE;
    }
    if (data instanceof GroupData g) {
      return switch (g.group()) {
        case SPIFFE -> Icons.SPIFFE;
        case TEXT, PEM -> Icons.TEXT;
        default -> Icons.FIELD_GROUP;
      };
    }
    if (data instanceof KeyData) {
      return Icons.KEY;
    }
    if (data instanceof MetadataData) {
      return Icons.METADATA;
    }
    return Icons.PROBLEM;
  }
}
