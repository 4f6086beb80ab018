package dev.meshcert.core.analysis;

import dev.meshcert.core.expiry.ExpiryPolicy;
import dev.meshcert.core.finding.ExpectedIdentity;
import dev.meshcert.core.finding.LintContext;
import dev.meshcert.core.finding.MeshProfile;
import dev.meshcert.core.read.PasswordProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to inspect: when "now" is, what counts as expiring, where passwords come from, which
 * certificates are trusted, and which mesh rules and pod identity the lints apply. Immutable; start
 * from {@link #at(Clock)} and change with the {@code with...} methods (new settings may be added
 * without breaking callers).
 */
public final class InspectOptions {

  private final Clock clock;
  private final ExpiryPolicy expiryPolicy;
  private final PasswordProvider passwords;
  private final List<InspectionInput> trustAnchors;
  private final Optional<MeshProfile> profile;
  private final Optional<ExpectedIdentity> expectedIdentity;

  private InspectOptions(
      Clock clock,
      ExpiryPolicy expiryPolicy,
      PasswordProvider passwords,
      List<InspectionInput> trustAnchors,
      Optional<MeshProfile> profile,
      Optional<ExpectedIdentity> expectedIdentity) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.expiryPolicy = Objects.requireNonNull(expiryPolicy, "expiryPolicy");
    this.passwords = Objects.requireNonNull(passwords, "passwords");
    this.trustAnchors = List.copyOf(trustAnchors);
    this.profile = Objects.requireNonNull(profile, "profile");
    this.expectedIdentity = Objects.requireNonNull(expectedIdentity, "expectedIdentity");
  }

  /**
   * Defaults: expiry judged at {@code clock.instant()}, {@link ExpiryPolicy#DEFAULT}, no passwords,
   * no trust anchors, the mesh profile detected from the certificates, no expected pod identity.
   */
  public static InspectOptions at(Clock clock) {
    return new InspectOptions(
        clock,
        ExpiryPolicy.DEFAULT,
        PasswordProvider.none(),
        List.of(),
        Optional.empty(),
        Optional.empty());
  }

  /** The same options with another expiry policy. */
  public InspectOptions withExpiryPolicy(ExpiryPolicy policy) {
    return new InspectOptions(clock, policy, passwords, trustAnchors, profile, expectedIdentity);
  }

  /** The same options with another password source (asked when a keystore needs one). */
  public InspectOptions withPasswords(PasswordProvider provider) {
    return new InspectOptions(
        clock, expiryPolicy, provider, trustAnchors, profile, expectedIdentity);
  }

  /**
   * The same options with these trust-anchor inputs: every certificate read from them is an anchor
   * chains are verified against.
   */
  public InspectOptions withTrustAnchors(List<InspectionInput> anchors) {
    return new InspectOptions(clock, expiryPolicy, passwords, anchors, profile, expectedIdentity);
  }

  /** The same options judging certificates by this mesh's rules instead of detecting the mesh. */
  public InspectOptions withProfile(MeshProfile meshProfile) {
    return new InspectOptions(
        clock, expiryPolicy, passwords, trustAnchors, Optional.of(meshProfile), expectedIdentity);
  }

  /**
   * The same options expecting leaves to carry this pod identity (a mismatch is an error), for
   * certificates taken from a known pod.
   */
  public InspectOptions withExpectedIdentity(ExpectedIdentity identity) {
    return new InspectOptions(
        clock, expiryPolicy, passwords, trustAnchors, profile, Optional.of(identity));
  }

  /** The clock; the analysis instant is read from it once per inspection. */
  public Clock clock() {
    return clock;
  }

  /** What counts as expiring. */
  public ExpiryPolicy expiryPolicy() {
    return expiryPolicy;
  }

  /** Asked for keystore passwords. */
  public PasswordProvider passwords() {
    return passwords;
  }

  /** Inputs whose certificates are trust anchors; may be empty. */
  public List<InspectionInput> trustAnchors() {
    return trustAnchors;
  }

  /** The mesh profile to lint with; empty to detect it from the certificates. */
  public Optional<MeshProfile> profile() {
    return profile;
  }

  /** The pod identity leaves should carry, when known. */
  public Optional<ExpectedIdentity> expectedIdentity() {
    return expectedIdentity;
  }

  /** What the lints need, judging at {@code at}. */
  LintContext lintContext(Instant at) {
    LintContext ctx = LintContext.at(at);
    if (profile.isPresent()) {
      ctx = ctx.withProfile(profile.get());
    }
    if (expectedIdentity.isPresent()) {
      ctx = ctx.withExpectedIdentity(expectedIdentity.get());
    }
    return ctx;
  }
}
