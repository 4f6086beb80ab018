package dev.meshcert.core.chain;

import dev.meshcert.core.cert.CertificateFacts;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Checks whether one certificate's signature verifies with another certificate's public key, and
 * remembers the answer per (child SHA-256, issuer SHA-256), so that chain building and path
 * validation over the same certificates verify each pair once. Thread-safe; share one instance per
 * session.
 *
 * <p>The usual algorithms (RSA PKCS#1 v1.5, ECDSA, Ed25519) are first checked with {@link
 * LightweightVerifier} on issuer keys parsed once, which is about twice as fast and allocates half
 * as much. A signature it does not confirm, and every other algorithm, goes through a private
 * Bouncy Castle JCA provider instance (never registered globally, loaded only when first needed),
 * which gives the verdict and its reason; it is an order of magnitude faster than the JDK 17 SunEC
 * provider for ECDSA.
 */
public final class SignatureVerifier {

  /** Beyond this many remembered pairs the cache starts over, bounding memory in long sessions. */
  static final int MAX_CACHED_PAIRS = 200_000;

  private final Map<String, Result> results = new ConcurrentHashMap<>();
  private final Map<String, KeyOrProblem> keys = new ConcurrentHashMap<>();
  private final Map<String, Optional<LightweightVerifier.IssuerKey>> lightKeys =
      new ConcurrentHashMap<>();

  /**
   * The outcome of one check.
   *
   * @param valid the signature verifies with the issuer's key
   * @param problem why not, for people ("signature does not verify with the key of CN=Root"); empty
   *     when valid
   */
  public record Result(boolean valid, Optional<String> problem) {
    static final Result VALID = new Result(true, Optional.empty());

    static Result invalid(String problem) {
      return new Result(false, Optional.of(problem));
    }
  }

  private record KeyOrProblem(ContentVerifierProvider verifier, String problem) {}

  /** Whether {@code child} is signed by the key of {@code issuer}. */
  public boolean verifies(CertificateFacts child, CertificateFacts issuer) {
    return check(child, issuer).valid();
  }

  /** Checks {@code child}'s signature against {@code issuer}'s public key, once per pair. */
  public Result check(CertificateFacts child, CertificateFacts issuer) {
    String pair = child.sha256() + issuer.sha256();
    Result cached = results.get(pair);
    if (cached != null) {
      return cached;
    }
    Result result = compute(child, issuer);
    if (results.size() >= MAX_CACHED_PAIRS) {
      results.clear();
    }
    results.put(pair, result);
    return result;
  }

  private Result compute(CertificateFacts child, CertificateFacts issuer) {
    Optional<LightweightVerifier.IssuerKey> light =
        lightKeys.computeIfAbsent(issuer.sha256(), sha -> LightweightVerifier.key(issuer));
    if (light.isPresent() && LightweightVerifier.verifies(child, light.get())) {
      return Result.VALID;
    }
    KeyOrProblem key = keys.computeIfAbsent(issuer.sha256(), sha -> verifierFor(issuer));
    if (key.verifier() == null) {
      return Result.invalid(key.problem());
    }
    try {
      if (child.holder().isSignatureValid(key.verifier())) {
        return Result.VALID;
      }
      return Result.invalid(
          "signature of " + label(child) + " does not verify with the key of " + label(issuer));
    } catch (CertException e) {
      return Result.invalid(
          "signature of " + label(child) + " could not be checked: " + message(e));
    } catch (RuntimeException e) {
      return Result.invalid(
          "signature of " + label(child) + " could not be checked: " + message(e));
    }
  }

  private static KeyOrProblem verifierFor(CertificateFacts issuer) {
    try {
      BouncyCastleProvider bc = Provider.BC; // its constructor registers the key converters
      PublicKey key = BouncyCastleProvider.getPublicKey(issuer.holder().getSubjectPublicKeyInfo());
      if (key == null) {
        return new KeyOrProblem(
            null,
            "the key algorithm of "
                + label(issuer)
                + " ("
                + issuer.publicKey().algorithm()
                + ") is not supported");
      }
      return new KeyOrProblem(
          new JcaContentVerifierProviderBuilder().setProvider(bc).build(key), null);
    } catch (java.io.IOException | OperatorCreationException | RuntimeException e) {
      return new KeyOrProblem(
          null, "the public key of " + label(issuer) + " could not be read: " + message(e));
    }
  }

  /** Holds the provider, so that it is loaded (hundreds of classes) only when first used. */
  private static final class Provider {
    static final BouncyCastleProvider BC = new BouncyCastleProvider();
  }

  static String label(CertificateFacts c) {
    return c.subject().isEmpty() ? "(empty subject) serial " + c.serialHex() : c.subject();
  }

  private static String message(Exception e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
