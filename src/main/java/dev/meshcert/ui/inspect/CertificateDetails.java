package dev.meshcert.ui.inspect;

import dev.meshcert.core.analysis.CertificateReport;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.cert.ExtensionFacts;
import dev.meshcert.core.expiry.RelativeTime;
import dev.meshcert.core.finding.Finding;
import dev.meshcert.core.spiffe.SpiffeId;
import dev.meshcert.ui.common.Messages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The field groups of one certificate. */
final class CertificateDetails {

  private final Messages messages;
  private final CertificateTextRenderer textRenderer;

  CertificateDetails(Messages messages, CertificateTextRenderer textRenderer) {
    this.messages = messages;
    this.textRenderer = textRenderer;
  }

  /** Every group that applies, in order. */
  List<FieldGroup> all(CertificateReport report, List<String> foundIn, Instant at) {
    List<FieldGroup> groups = new ArrayList<>();
    for (GroupId id : GroupId.values()) {
      if (GroupNodes.applies(id, report)) {
        groups.add(group(id, report, foundIn, at));
      }
    }
    return groups;
  }

  FieldGroup group(GroupId id, CertificateReport report, List<String> foundIn, Instant at) {
    CertificateFacts c = report.certificate();
    List<Field> fields =
        switch (id) {
          case OVERVIEW -> overview(report, foundIn);
          case NAMES -> names(c);
          case VALIDITY -> validity(report, at);
          case SPIFFE -> spiffe(c, report.spiffeId());
          case PUBLIC_KEY -> publicKey(c);
          case SIGNATURE -> signature(c);
          case EXTENSIONS -> c.extensions().stream().map(this::extension).toList();
          case FINGERPRINTS -> fingerprints(c);
          case FINDINGS -> report.findings().stream().map(this::finding).toList();
          case TEXT -> List.of(Field.block(t("field.text"), textRenderer.render(c)));
          case PEM -> List.of(Field.block(t("field.pem"), Formats.pem(c.der())));
        };
    return new FieldGroup(messages.get(id.messageKey()), fields);
  }

  private List<Field> overview(CertificateReport report, List<String> foundIn) {
    CertificateFacts c = report.certificate();
    List<Field> f = new ArrayList<>();
    f.add(Field.text(t("field.name"), c.displayName()));
    f.add(
        Field.text(t("field.status"), report.expiry().phrase())
            .marked(Set.of(Mark.of(report.expiry().state()))));
    report
        .spiffeId()
        .ifPresent(
            id -> f.add(Field.text(t("field.spiffe"), id.uri()).marked(Set.of(Mark.SPIFFE))));
    f.add(Field.text(t("field.role"), role(c)));
    if (!foundIn.isEmpty()) {
      f.add(Field.lines(t("field.found"), String.join("\n", foundIn)));
    }
    return f;
  }

  private String role(CertificateFacts c) {
    if (c.ca()) {
      return c.selfIssued() ? t("role.root") : t("role.intermediate");
    }
    return t("role.leaf");
  }

  private List<Field> names(CertificateFacts c) {
    List<Field> f = new ArrayList<>();
    f.add(Field.text(t("field.subject"), c.subjectEmpty() ? t("value.empty") : c.subject()));
    f.add(Field.text(t("field.issuer"), c.issuer().isEmpty() ? t("value.empty") : c.issuer()));
    if (!c.subjectAltNames().isEmpty()) {
      f.add(
          Field.lines(
              t("field.san"),
              c.subjectAltNames().stream()
                  .map(Object::toString)
                  .collect(Collectors.joining("\n"))));
    }
    f.add(Field.text(t("field.version"), String.valueOf(c.version())));
    f.add(Field.text(t("field.serial.hex"), Formats.colonHex(c.serialHex())));
    f.add(Field.text(t("field.serial.decimal"), c.serial().toString()));
    return f;
  }

  private List<Field> validity(CertificateReport report, Instant at) {
    CertificateFacts c = report.certificate();
    Set<Mark> state = Set.of(Mark.of(report.expiry().state()));
    double elapsed = report.expiry().elapsedFraction();
    return List.of(
        Field.text(t("field.status"), report.expiry().phrase()).marked(state),
        Field.text(t("field.notBefore"), when(c.notBefore(), at)),
        Field.text(t("field.notAfter"), when(c.notAfter(), at)),
        Field.text(t("field.lifetime"), RelativeTime.format(c.lifetime())),
        new Field(
            t("field.elapsed"),
            messages.get("value.elapsed", Math.round(elapsed * 100)),
            FieldKind.ELAPSED,
            state,
            Optional.of(elapsed)));
  }

  /** "2026-12-04 00:00:00 UTC (in 23 h)". */
  private static String when(Instant t, Instant at) {
    return Formats.instant(t) + "  (" + RelativeTime.relative(at, t) + ")";
  }

  private List<Field> spiffe(CertificateFacts c, Optional<SpiffeId> id) {
    List<Field> f = new ArrayList<>();
    if (id.isEmpty()) {
      f.add(Field.text(t("field.uri"), c.spiffeUri().orElse("")));
      f.add(Field.text(t("field.status"), t("value.spiffe.invalid")).marked(Set.of(Mark.ERROR)));
      return f;
    }
    SpiffeId s = id.get();
    f.add(Field.text(t("field.spiffe"), s.uri()).marked(Set.of(Mark.SPIFFE)));
    f.add(Field.text(t("field.trustDomain"), s.trustDomain()));
    f.add(Field.text(t("field.path"), s.path().isEmpty() ? t("value.empty") : s.path()));
    s.kubernetes()
        .ifPresent(
            k -> {
              f.add(Field.text(t("field.namespace"), k.namespace()));
              f.add(Field.text(t("field.serviceAccount"), k.serviceAccount()));
            });
    return f;
  }

  private List<Field> publicKey(CertificateFacts c) {
    List<Field> f = new ArrayList<>();
    f.add(Field.text(t("field.algorithm"), c.publicKey().algorithm()));
    if (c.publicKey().bits() > 0) {
      f.add(Field.text(t("field.size"), messages.get("value.bits", c.publicKey().bits())));
    }
    c.publicKey().curve().ifPresent(curve -> f.add(Field.text(t("field.curve"), curve)));
    f.add(Field.text(t("field.spki"), c.publicKey().spkiSha256Base64()));
    c.subjectKeyId().ifPresent(k -> f.add(Field.text(t("field.ski"), Formats.colonHex(k))));
    return f;
  }

  private List<Field> signature(CertificateFacts c) {
    List<Field> f = new ArrayList<>();
    f.add(Field.text(t("field.algorithm"), c.signatureAlgorithm()));
    f.add(Field.text(t("field.oid"), c.signatureAlgorithmOid()));
    c.authorityKeyId().ifPresent(k -> f.add(Field.text(t("field.aki"), Formats.colonHex(k))));
    f.add(Field.text(t("field.selfIssued"), c.selfIssued() ? t("value.yes") : t("value.no")));
    return f;
  }

  private Field extension(ExtensionFacts e) {
    String label = e.critical() ? messages.get("value.critical", e.name()) : e.name();
    String value =
        e.known()
            ? String.join("\n", e.lines())
            : messages.get("value.unknownExtension", e.oid(), e.valueHex());
    return Field.lines(label, value);
  }

  private List<Field> fingerprints(CertificateFacts c) {
    return List.of(
        Field.text(t("field.sha256"), Formats.colonHex(c.sha256())),
        Field.text(t("field.sha1"), Formats.colonHex(c.sha1())),
        Field.text(t("field.spki"), c.publicKey().spkiSha256Base64()));
  }

  private Field finding(Finding finding) {
    String value =
        finding.title()
            + "\n"
            + finding.explanation()
            + (finding.reference().isEmpty() ? "" : "\n" + finding.reference());
    return Field.lines(finding.severity() + " " + finding.rule(), value)
        .marked(Findings.marks(List.of(finding)));
  }

  private String t(String key) {
    return messages.get(key);
  }
}
