package dev.meshcert.core.analysis;

import dev.meshcert.core.expiry.ExpiryPolicy;
import dev.meshcert.core.read.PasswordProvider;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * How to inspect: when "now" is, what counts as expiring, where passwords come from, and which
 * certificates are trusted. Immutable; start from {@link #at(Clock)} and change with the {@code
 * with...} methods (new settings may be added without breaking callers).
 */
public final class InspectOptions {

  private final Clock clock;
  private final ExpiryPolicy expiryPolicy;
  private final PasswordProvider passwords;
  private final List<InspectionInput> trustAnchors;

  private InspectOptions(
      Clock clock,
      ExpiryPolicy expiryPolicy,
      PasswordProvider passwords,
      List<InspectionInput> trustAnchors) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.expiryPolicy = Objects.requireNonNull(expiryPolicy, "expiryPolicy");
    this.passwords = Objects.requireNonNull(passwords, "passwords");
    this.trustAnchors = List.copyOf(trustAnchors);
  }

  /**
   * Defaults: expiry judged at {@code clock.instant()}, {@link ExpiryPolicy#DEFAULT}, no passwords,
   * no trust anchors.
   */
  public static InspectOptions at(Clock clock) {
    return new InspectOptions(clock, ExpiryPolicy.DEFAULT, PasswordProvider.none(), List.of());
  }

  /** The same options with another expiry policy. */
  public InspectOptions withExpiryPolicy(ExpiryPolicy policy) {
    return new InspectOptions(clock, policy, passwords, trustAnchors);
  }

  /** The same options with another password source (asked when a keystore needs one). */
  public InspectOptions withPasswords(PasswordProvider provider) {
    return new InspectOptions(clock, expiryPolicy, provider, trustAnchors);
  }

  /**
   * The same options with these trust-anchor inputs: every certificate read from them is an anchor
   * chains are verified against.
   */
  public InspectOptions withTrustAnchors(List<InspectionInput> anchors) {
    return new InspectOptions(clock, expiryPolicy, passwords, anchors);
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
}
