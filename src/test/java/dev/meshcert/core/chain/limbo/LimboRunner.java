package dev.meshcert.core.chain.limbo;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.meshcert.core.cert.CertificateDecoder;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.cert.KeyUsageBit;
import dev.meshcert.core.chain.PathValidator;
import dev.meshcert.core.chain.PeerName;
import dev.meshcert.core.chain.TrustVerdict;
import dev.meshcert.core.chain.ValidationOptions;
import dev.meshcert.testpki.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/** Runs x509-limbo testcases through {@link PathValidator}. */
final class LimboRunner {

  static final String RESOURCE = "/corpus/x509-limbo/limbo.ddc40b4-2023-12-02.json";

  /** What happened to one case. */
  record Outcome(LimboCase testcase, boolean trusted, String reason) {
    boolean agrees() {
      return trusted == testcase.expectSuccess();
    }
  }

  private final PathValidator validator = new PathValidator();
  private final CertificateDecoder decoder = new CertificateDecoder();

  static List<LimboCase> cases() {
    try (InputStream in = LimboRunner.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + RESOURCE);
      }
      JsonObject root =
          JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
              .getAsJsonObject();
      List<LimboCase> out = new ArrayList<>();
      root.getAsJsonArray("testcases").forEach(t -> out.add(LimboCase.of(t.getAsJsonObject())));
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Why a case cannot apply to this validator, or empty when it is run. */
  static Optional<String> notApplicable(LimboCase c) {
    if (c.hasCrls() || c.features().contains("has-crl")) {
      return Optional.of("revocation (CRL) checking is not part of this validator");
    }
    if (!c.validationKind().equals("SERVER")) {
      return Optional.of("CLIENT validation with several expected peer names is not modelled");
    }
    if (c.signatureAlgorithmsGiven()) {
      return Optional.of("restricting signature algorithms is not an option of this validator");
    }
    return Optional.empty();
  }

  Outcome run(LimboCase c) {
    Optional<CertificateFacts> leaf = decode(c.peerCertificate());
    if (leaf.isEmpty()) {
      return new Outcome(c, false, "peer certificate does not decode");
    }
    List<CertificateFacts> anchors = decodeAll(c.trustedCerts());
    List<CertificateFacts> intermediates = decodeAll(c.untrustedIntermediates());
    Instant at =
        c.validationTime().map(t -> OffsetDateTime.parse(t).toInstant()).orElse(TestPki.NOW);
    TrustVerdict v = validator.validate(leaf.get(), anchors, intermediates, at, options(c));
    return new Outcome(c, v.trusted(), v.reason());
  }

  private static ValidationOptions options(LimboCase c) {
    Optional<PeerName> name =
        c.peerNameKind()
            .map(
                kind ->
                    new PeerName(
                        switch (kind) {
                          case "DNS" -> PeerName.Kind.DNS;
                          case "IP" -> PeerName.Kind.IP;
                          case "RFC822" -> PeerName.Kind.EMAIL;
                          default -> throw new IllegalArgumentException(kind);
                        },
                        c.peerNameValue().orElseThrow()));
    Set<KeyUsageBit> ku = new HashSet<>();
    for (String k : c.keyUsage()) {
      ku.add(KeyUsageBit.valueOf(k.replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT)));
    }
    return new ValidationOptions(
        name,
        ku,
        Set.copyOf(c.extendedKeyUsage()),
        c.maxChainDepth().map(OptionalInt::of).orElse(OptionalInt.empty()));
  }

  private List<CertificateFacts> decodeAll(List<String> pems) {
    List<CertificateFacts> out = new ArrayList<>();
    for (String pem : pems) {
      decode(pem).ifPresent(out::add);
    }
    return out;
  }

  private Optional<CertificateFacts> decode(String pem) {
    try (PemReader reader = new PemReader(new StringReader(pem))) {
      PemObject o = reader.readPemObject();
      return o == null ? Optional.empty() : Optional.of(decoder.decode(o.getContent()));
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
