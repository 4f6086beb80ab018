package dev.meshcert.ui.mesh;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.mesh.trust.BundleGroup;
import dev.meshcert.mesh.trust.RootGroup;
import dev.meshcert.mesh.trust.Straggle;
import dev.meshcert.mesh.trust.TrustView;
import dev.meshcert.mesh.trust.WorkloadTrust;
import dev.meshcert.ui.common.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Builds the rows of the trust tree from a {@link TrustView}. Pure apart from the messages. */
final class TrustRows {

  private final Messages messages;

  TrustRows(Messages messages) {
    this.messages = messages;
  }

  /**
   * The groups with their workloads.
   *
   * @param stragglersOnly keep only workloads that stand out (and their groups)
   * @param filter keep only workloads whose name, identity or reasons contain it (any case)
   */
  List<TrustRow> build(TrustView view, Grouping grouping, boolean stragglersOnly, String filter) {
    String needle = filter.strip().toLowerCase(Locale.ROOT);
    List<TrustRow> rows = new ArrayList<>();
    if (grouping == Grouping.ROOT) {
      for (RootGroup g : view.byRoot()) {
        String name = g.root().map(TrustRows::root).orElse(messages.get("mesh.group.noRoot"));
        add(rows, name, g.domain(), g.current(), g.workloads(), grouping, stragglersOnly, needle);
      }
    } else {
      for (BundleGroup g : view.byBundle()) {
        String name = g.roots().isEmpty() ? messages.get("mesh.group.noBundle") : bundle(g.roots());
        add(rows, name, g.domain(), g.majority(), g.workloads(), grouping, stragglersOnly, needle);
      }
    }
    return rows;
  }

  private void add(
      List<TrustRow> rows,
      String name,
      String domain,
      boolean marked,
      List<WorkloadTrust> workloads,
      Grouping grouping,
      boolean stragglersOnly,
      String needle) {
    List<TrustRow> children = new ArrayList<>();
    for (WorkloadTrust w : workloads) {
      if ((stragglersOnly && !w.straggler()) || !matches(w, needle)) {
        continue;
      }
      children.add(
          new TrustRow(
              w.name(),
              grouping == Grouping.ROOT ? bundle(w.workload().bundle()) : rootOf(w),
              domain,
              w.straggles().stream().map(Straggle::reason).toList(),
              w.straggler(),
              Optional.of(w),
              List.of()));
    }
    if (children.isEmpty()) {
      return;
    }
    long standOut = workloads.stream().filter(WorkloadTrust::straggler).count();
    String summary =
        messages.get("mesh.group.summary", workloads.size(), standOut)
            + (marked
                ? " · "
                    + messages.get(
                        grouping == Grouping.ROOT ? "mesh.group.current" : "mesh.group.majority")
                : "");
    rows.add(new TrustRow(name, summary, domain, List.of(), marked, Optional.empty(), children));
  }

  private static boolean matches(WorkloadTrust w, String needle) {
    if (needle.isEmpty()) {
      return true;
    }
    return w.name().toLowerCase(Locale.ROOT).contains(needle)
        || w.workload().identity().toLowerCase(Locale.ROOT).contains(needle)
        || w.straggles().stream()
            .anyMatch(s -> s.reason().toLowerCase(Locale.ROOT).contains(needle));
  }

  private String rootOf(WorkloadTrust w) {
    return w.root().map(TrustRows::root).orElse(messages.get("mesh.group.noRoot"));
  }

  private String bundle(List<CertificateFacts> roots) {
    if (roots.isEmpty()) {
      return messages.get("mesh.group.noBundle");
    }
    return String.join(" + ", roots.stream().map(TrustRows::root).toList());
  }

  static String root(CertificateFacts c) {
    String serial = c.serialHex();
    return c.displayName() + " #" + (serial.length() > 8 ? serial.substring(0, 8) : serial);
  }
}
