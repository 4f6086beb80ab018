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
import dev.meshcert.ui.inspect.InspectNode.GroupData;
import dev.meshcert.ui.inspect.InspectNode.KeyData;
import dev.meshcert.ui.inspect.InspectNode.MetadataData;
import dev.meshcert.ui.inspect.InspectNode.ProblemData;
import dev.meshcert.ui.inspect.InspectNode.SourceData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What the details pane shows for a node. */
final class DetailsBuilder {

  private final Messages messages;
  private final CertificateDetails certificates;

  DetailsBuilder(Messages messages, CertificateTextRenderer textRenderer) {
    this.messages = messages;
    this.certificates = new CertificateDetails(messages, textRenderer);
  }

  Details details(InspectNode node, Analysis analysis) {
    InspectNode.Data data = node.data();
    if (data instanceof SourceData s) {
      return source(node, s.source());
    } else if (data instanceof ChainData c) {
      return chain(node, c.chain());
    } else if (data instanceof CertificateData c) {
      return new Details(
          node.label(),
          node.secondary(),
          node.marks(),
          certificates.all(c.report(), foundIn(c.report(), analysis), analysis.at()));
    } else if (data instanceof GroupData g) {
      return new Details(
          g.report().certificate().displayName(),
          node.label(),
          node.marks(),
          List.of(
              certificates.group(
                  g.group(), g.report(), foundIn(g.report(), analysis), analysis.at())));
    } else if (data instanceof KeyData k) {
      return key(node, k.key());
    } else if (data instanceof MetadataData m) {
      return metadata(node, m.entry());
    } else {
      return problem(node, ((ProblemData) data).problem());
    }
  }

  private Details source(InspectNode node, Source source) {
    List<Field> fields = new ArrayList<>();
    fields.add(Field.text(t("field.name"), source.name()));
    fields.add(Field.text(t("field.format"), source.format().label()));
    fields.add(Field.text(t("field.summary"), source.summary()));
    List<FieldGroup> groups = new ArrayList<>();
    groups.add(new FieldGroup(t("group.source"), fields));
    if (!source.problems().isEmpty()) {
      groups.add(
          new FieldGroup(
              t("group.problems"), source.problems().stream().map(p -> problemField(p)).toList()));
    }
    return new Details(node.label(), node.secondary(), node.marks(), groups);
  }

  private Field problemField(ReadProblem p) {
    String where = p.location().isEmpty() ? t("value.wholeInput") : p.location();
    return Field.lines(where, p.message()).marked(Set.of(Mark.ERROR));
  }

  private Details chain(InspectNode node, ChainReport report) {
    List<Field> fields = new ArrayList<>();
    int i = 0;
    for (CertificateFacts c : report.chain().certificates()) {
      fields.add(Field.text(messages.get("field.chain.position", i++), c.displayName()));
    }
    report
        .chain()
        .missingIssuer()
        .ifPresent(
            issuer ->
                fields.add(
                    Field.text(t("field.missingIssuer"), issuer).marked(Set.of(Mark.ERROR))));
    fields.add(Field.text(t("field.trusted"), report.trusted() ? t("value.yes") : t("value.no")));
    fields.add(Field.lines(t("field.reason"), report.reason()));
    List<FieldGroup> groups = new ArrayList<>();
    groups.add(new FieldGroup(t("group.chain"), fields));
    if (!report.findings().isEmpty()) {
      groups.add(
          new FieldGroup(
              t("group.findings"),
              report.findings().stream()
                  .map(
                      f ->
                          Field.lines(
                                  f.severity() + " " + f.rule(), f.title() + "\n" + f.explanation())
                              .marked(Findings.marks(List.of(f))))
                  .toList()));
    }
    return new Details(node.label(), node.secondary(), node.marks(), groups);
  }

  private Details key(InspectNode node, KeyEntry key) {
    List<Field> fields = new ArrayList<>();
    fields.add(Field.text(t("field.location"), key.location()));
    fields.add(Field.text(t("field.algorithm"), key.algorithm()));
    fields.add(Field.text(t("field.description"), key.description()));
    key.publicKeySha256()
        .ifPresent(h -> fields.add(Field.text(t("field.publicKeySha256"), Formats.colonHex(h))));
    fields.add(Field.text(t("field.matches"), node.secondary()));
    return new Details(
        node.label(),
        t("value.keyHidden"),
        node.marks(),
        List.of(new FieldGroup(t("group.key"), fields)));
  }

  private Details metadata(InspectNode node, MetadataEntry entry) {
    List<Field> fields =
        entry.fields().entrySet().stream().map(e -> Field.text(e.getKey(), e.getValue())).toList();
    return new Details(
        node.label(),
        t("value.metadataOnly"),
        node.marks(),
        List.of(new FieldGroup(node.label(), fields)));
  }

  private Details problem(InspectNode node, ReadProblem problem) {
    return new Details(
        node.label(),
        "",
        node.marks(),
        List.of(new FieldGroup(t("group.problems"), List.of(problemField(problem)))));
  }

  /** "ca.pem — block 2 at line 31 (secret=default)" for every place the certificate was read. */
  private static List<String> foundIn(CertificateReport report, Analysis analysis) {
    String sha = report.certificate().sha256();
    List<String> places = new ArrayList<>();
    for (Source s : analysis.sources()) {
      for (CertificateEntry e : s.certificates()) {
        if (e.certificate().sha256().equals(sha)) {
          places.add(place(s, e));
        }
      }
    }
    return places;
  }

  private static String place(Source s, CertificateEntry e) {
    StringBuilder b = new StringBuilder(s.name());
    if (!e.location().isEmpty()) {
      b.append(" — ").append(e.location());
    }
    if (!e.context().isEmpty()) {
      b.append(" (")
          .append(
              e.context().entrySet().stream()
                  .map(Map.Entry::toString)
                  .collect(Collectors.joining(", ")))
          .append(')');
    }
    return b.toString();
  }

  private String t(String key) {
    return messages.get(key);
  }
}
