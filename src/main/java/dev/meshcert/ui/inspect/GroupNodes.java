package dev.meshcert.ui.inspect;

import dev.meshcert.core.analysis.CertificateReport;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.inspect.InspectNode.GroupData;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The field-group children of a certificate node. Cheap: the fields themselves are computed only
 * when a group is shown.
 */
final class GroupNodes {

  private final Messages messages;

  GroupNodes(Messages messages) {
    this.messages = messages;
  }

  List<InspectNode> of(String certificateKey, CertificateReport report) {
    List<InspectNode> nodes = new ArrayList<>();
    for (GroupId id : GroupId.values()) {
      if (applies(id, report)) {
        nodes.add(
            new InspectNode(
                certificateKey + InspectNode.SEP + "g:" + id.name(),
                messages.get(id.messageKey()),
                "",
                marks(id, report),
                new GroupData(report, id),
                List.of(),
                ""));
      }
    }
    return nodes;
  }

  static boolean applies(GroupId id, CertificateReport report) {
    return switch (id) {
      case SPIFFE -> report.certificate().spiffeUri().isPresent();
      case FINDINGS -> !report.findings().isEmpty();
      case EXTENSIONS -> !report.certificate().extensions().isEmpty();
      default -> true;
    };
  }

  private static Set<Mark> marks(GroupId id, CertificateReport report) {
    return switch (id) {
      case VALIDITY -> Set.of(Mark.of(report.expiry().state()));
      case SPIFFE -> report.spiffeId().isPresent() ? Set.of(Mark.SPIFFE) : Set.of(Mark.ERROR);
      case FINDINGS -> Findings.marks(report.findings());
      default -> Set.of();
    };
  }
}
