package dev.meshcert.mesh.trust;

import dev.meshcert.core.cert.CertificateFacts;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares two workloads of a {@link TrustView} side by side: identity, chain position by position,
 * root and bundle, and whether each one's bundle accepts the other's chain. A fuller {@code
 * istioctl proxy-config rootca-compare}, which only says whether the two {@code ROOTCA}s are
 * identical. Pure.
 */
public final class WorkloadComparison {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private WorkloadComparison() {}

  /** Compares {@code left} with {@code right}. */
  public static Comparison compare(WorkloadTrust left, WorkloadTrust right) {
    List<Comparison.Row> rows = new ArrayList<>();
    rows.add(row("Identity", left.workload().identity(), right.workload().identity()));
    rows.add(row("Trust domain", left.domain(), right.domain()));
    List<CertificateFacts> a = left.workload().chain();
    List<CertificateFacts> b = right.workload().chain();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      Optional<CertificateFacts> l = i < a.size() ? Optional.of(a.get(i)) : Optional.empty();
      Optional<CertificateFacts> r = i < b.size() ? Optional.of(b.get(i)) : Optional.empty();
      rows.add(
          new Comparison.Row(position(i), describe(l), describe(r), l.isPresent() && l.equals(r)));
    }
    rows.add(
        new Comparison.Row(
            "Root",
            left.root().map(Describe::root).orElse("none known"),
            right.root().map(Describe::root).orElse("none known"),
            left.root().isPresent() && left.root().equals(right.root())));
    rows.add(
        new Comparison.Row(
            "Bundle",
            bundle(left),
            bundle(right),
            !left.bundleKey().isEmpty() && left.bundleKey().equals(right.bundleKey())));
    Comparison.Acceptance lr = accepts(left, right);
    Comparison.Acceptance rl = accepts(right, left);
    return new Comparison(left, right, rows, lr, rl, verdict(left, right, lr, rl));
  }

  private static Comparison.Row row(String label, String left, String right) {
    return new Comparison.Row(label, left, right, left.equals(right));
  }

  private static String position(int i) {
    return i == 0 ? "Leaf" : "Certificate " + (i + 1);
  }

  private static String describe(Optional<CertificateFacts> c) {
    return c.map(
            x ->
                x.displayName()
                    + "\nserial "
                    + Describe.serial(x)
                    + ", valid to "
                    + TIME.format(x.notAfter())
                    + "\nSHA-256 "
                    + x.sha256().substring(0, 16)
                    + "…")
        .orElse("");
  }

  private static String bundle(WorkloadTrust w) {
    List<CertificateFacts> roots = w.workload().bundle();
    if (roots.isEmpty()) {
      return "not known";
    }
    return String.join("\n", roots.stream().map(Describe::root).toList());
  }

  private static Comparison.Acceptance accepts(WorkloadTrust verifier, WorkloadTrust peer) {
    if (!verifier.workload().bundleKnown()) {
      return Comparison.Acceptance.UNKNOWN;
    }
    return peer.root().isPresent() && verifier.holds(peer.root().get())
        ? Comparison.Acceptance.YES
        : Comparison.Acceptance.NO;
  }

  private static String verdict(
      WorkloadTrust left, WorkloadTrust right, Comparison.Acceptance lr, Comparison.Acceptance rl) {
    StringBuilder b = new StringBuilder();
    if (left.workload().bundleKnown() && right.workload().bundleKnown()) {
      boolean same = left.bundleKey().equals(right.bundleKey());
      b.append("Both ")
          .append(left.name())
          .append(" and ")
          .append(right.name())
          .append(same ? " have the identical" : " have non-identical")
          .append(" root bundles. ");
    }
    b.append(sentence(left, right, lr)).append(' ').append(sentence(right, left, rl));
    return b.toString();
  }

  private static String sentence(
      WorkloadTrust verifier, WorkloadTrust peer, Comparison.Acceptance a) {
    return switch (a) {
      case YES -> verifier.name() + " accepts the chain of " + peer.name() + ".";
      case NO ->
          peer.root().isEmpty()
              ? verifier.name()
                  + " rejects "
                  + peer.name()
                  + ": its chain verifies to no known root."
              : verifier.name()
                  + " rejects "
                  + peer.name()
                  + ": its bundle lacks "
                  + Describe.root(peer.root().get())
                  + ".";
      case UNKNOWN ->
          "Whether "
              + verifier.name()
              + " accepts "
              + peer.name()
              + " is not known: its bundle was not read.";
    };
  }
}
