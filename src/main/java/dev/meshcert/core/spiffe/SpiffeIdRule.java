package dev.meshcert.core.spiffe;

import dev.meshcert.core.finding.Severity;

/**
 * The rules of the SPIFFE-ID specification (spiffe/spiffe {@code standards/SPIFFE-ID.md}) that a
 * SPIFFE ID string can break. Each carries its checklist label (listed in docs/rules.md, "ID-n")
 * and the section it comes from. The enum names are stable: the finding rule ID is {@code
 * SPIFFE-ID-} followed by the name with dashes.
 */
public enum SpiffeIdRule {
  EMPTY("ID-1", "§2", Severity.ERROR, "SPIFFE ID is empty"),
  SCHEME("ID-1", "§2", Severity.ERROR, "scheme is not spiffe"),
  SCHEME_CASE(
      "ID-1", "§2, §2.4", Severity.ERROR, "scheme is not lower-case spiffe (go-spiffe rejects it)"),
  TRUST_DOMAIN_MISSING("ID-2", "§2, §2.1", Severity.ERROR, "trust domain is missing"),
  QUERY("ID-3", "§2", Severity.ERROR, "SPIFFE ID has a query"),
  FRAGMENT("ID-3", "§2", Severity.ERROR, "SPIFFE ID has a fragment"),
  USERINFO("ID-4", "§2.1", Severity.ERROR, "trust domain has a userinfo part"),
  PORT("ID-4", "§2.1", Severity.ERROR, "trust domain has a port"),
  TRUST_DOMAIN_CASE("ID-5", "§2.1", Severity.ERROR, "trust domain is not lower case"),
  TRUST_DOMAIN_CHARS(
      "ID-6", "§2.1", Severity.ERROR, "trust domain has characters outside [a-z0-9.-_]"),
  TRUST_DOMAIN_PERCENT("ID-7", "§2.1", Severity.ERROR, "trust domain is percent-encoded"),
  TRUST_DOMAIN_LENGTH("ID-13", "§2.3", Severity.ERROR, "trust domain is longer than 255 bytes"),
  PATH_PERCENT("ID-9", "§2.2", Severity.ERROR, "path is percent-encoded"),
  PATH_EMPTY_SEGMENT("ID-10", "§2.2", Severity.ERROR, "path has an empty segment"),
  PATH_DOT_SEGMENT("ID-10", "§2.2", Severity.ERROR, "path has a . or .. segment"),
  PATH_TRAILING_SLASH("ID-11", "§2.2", Severity.ERROR, "path ends with /"),
  PATH_CHARS("ID-12", "§2.2", Severity.ERROR, "path has characters outside [a-zA-Z0-9.-_]"),
  LENGTH("ID-13", "§2.3", Severity.WARNING, "SPIFFE ID is longer than 2048 bytes");

  private final String label;
  private final String section;
  private final Severity severity;
  private final String title;

  SpiffeIdRule(String label, String section, Severity severity, String title) {
    this.label = label;
    this.section = section;
    this.severity = severity;
    this.title = title;
  }

  /** The checklist label, such as "ID-5". */
  public String label() {
    return label;
  }

  /**
   * {@link Severity#ERROR} for a MUST or MUST NOT (the ID is invalid), {@link Severity#WARNING} for
   * a SHOULD NOT (the ID is valid but some peers may refuse it).
   */
  public Severity severity() {
    return severity;
  }

  /** One line, lower case start, such as "trust domain is not lower case". */
  public String title() {
    return title;
  }

  /** Where it comes from, such as "SPIFFE-ID §2.1 (ID-5)". */
  public String reference() {
    return "SPIFFE-ID " + section + " (" + label + ")";
  }

  /** The stable finding rule ID, such as {@code SPIFFE-ID-TRUST-DOMAIN-CASE}. */
  public String ruleId() {
    return "SPIFFE-ID-" + name().replace('_', '-');
  }
}
