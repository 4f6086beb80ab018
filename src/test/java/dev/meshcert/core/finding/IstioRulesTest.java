package dev.meshcert.core.finding;

import static dev.meshcert.core.finding.Certs.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.testpki.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Istio profile, on the istioctl config_dump sample and on generated workload certificates. */
class IstioRulesTest {

  private static final String DUMP =
      "istio/istioctl/pkg/writer/envoy/configdump/testdata/secret/istio/config_dump.json";
  private static final Instant WHILE_VALID = Instant.parse("2023-05-15T12:00:00Z");
  private static final MeshProfile.Istio MESH = new MeshProfile.Istio("cluster.local");

  private final TestPki pki = new TestPki();
  private final TestPki.Issued root = pki.root("O=cluster.local").issue();

  @Test
  void detectsIstioFromTheConfigDumpChain() {
    assertEquals(Optional.of(MESH), MeshProfiles.detect(defaultChain()));
  }

  @Test
  void findsNothingWrongWithIstiodsOwnCertificatesWhileValid() {
    List<CertificateFacts> certs = defaultChain();
    LintReport r = LintEngine.lint(certs, Certs.chains(certs), LintContext.at(WHILE_VALID));
    assertEquals(List.of(), r.forCertificate(certs.get(0).sha256()));
    assertEquals(Set.of("SVID-SIGNING-NOT-SVID"), ids(Certs.all(r)));
  }

  @Test
  void reportsTheConfigDumpLeafExpiredToday() {
    List<CertificateFacts> certs = defaultChain();
    LintReport r = LintEngine.lint(certs, Certs.chains(certs), LintContext.at(TestPki.NOW));
    assertEquals(Set.of("VALIDITY-EXPIRED"), ids(r.forCertificate(certs.get(0).sha256())));
  }

  @Test
  void acceptsIstioShapedLeaf() {
    assertEquals(List.of(), lint(leaf("spiffe://cluster.local/ns/default/sa/web"), MESH));
  }

  @Test
  void acceptsIstiodsTwoMinuteBackdating() {
    TestPki.Builder b =
        leaf("spiffe://cluster.local/ns/default/sa/web")
            .validity(
                TestPki.NOW.minus(Duration.ofMinutes(62)), TestPki.NOW.plus(Duration.ofHours(23)));
    assertEquals(List.of(), lint(b, MESH));
  }

  @Test
  void flagsTrustDomainOutsideTheMesh() {
    assertEquals(
        Set.of("ISTIO-TRUST-DOMAIN-MISMATCH"),
        ids(lint(leaf("spiffe://other.local/ns/default/sa/web"), MESH)));
  }

  @Test
  void acceptsTrustDomainAlias() {
    MeshProfile.Istio withAlias = new MeshProfile.Istio("cluster.local", List.of("old.local"));
    assertEquals(List.of(), lint(leaf("spiffe://old.local/ns/default/sa/web"), withAlias));
  }

  @Test
  void notesLifetimeOtherThanTheDefault() {
    TestPki.Builder b =
        leaf("spiffe://cluster.local/ns/default/sa/web")
            .validity(
                TestPki.NOW.minus(Duration.ofMinutes(10)), TestPki.NOW.plus(Duration.ofHours(1)));
    List<Finding> f = lint(b, MESH);
    assertEquals(Set.of("ISTIO-LEAF-TTL-NOT-DEFAULT"), ids(f, Severity.INFO));
    assertTrue(f.get(0).explanation().startsWith("It is valid for 1 h 10 min"));
  }

  @Test
  void warnsAboutLifetimeBeyondNinetyDays() {
    TestPki.Builder b =
        leaf("spiffe://cluster.local/ns/default/sa/web")
            .validity(
                TestPki.NOW.minus(Duration.ofHours(1)), TestPki.NOW.plus(Duration.ofDays(91)));
    assertEquals(Set.of("ISTIO-LEAF-TTL-TOO-LONG"), ids(lint(b, MESH)));
  }

  @Test
  void notesSubjectOnWorkloadCertificate() {
    assertEquals(
        Set.of("ISTIO-LEAF-SUBJECT-NOT-EMPTY"),
        ids(lint(leaf("spiffe://cluster.local/ns/default/sa/web").subject("CN=web"), MESH)));
  }

  @Test
  void warnsAboutMissingExtendedKeyUsage() {
    List<Finding> f =
        lint(leaf("spiffe://cluster.local/ns/default/sa/web").extendedKeyUsage(), MESH);
    assertEquals(Set.of("ISTIO-LEAF-EKU-MISSING"), ids(f, Severity.WARNING));
  }

  @Test
  void warnsAboutIdThatIsNotNamespaceAndServiceAccount() {
    assertEquals(
        Set.of("ISTIO-LEAF-NOT-KUBERNETES-ID"),
        ids(lint(leaf("spiffe://cluster.local/workload/web"), MESH)));
  }

  @Test
  void appliesNoIstioRuleUnderPlainSpiffe() {
    TestPki.Builder b =
        leaf("spiffe://other.local/workload")
            .subject("CN=web")
            .validity(
                TestPki.NOW.minus(Duration.ofHours(1)), TestPki.NOW.plus(Duration.ofDays(91)));
    assertTrue(
        ids(lint(b, new MeshProfile.Spiffe())).stream().noneMatch(id -> id.startsWith("ISTIO-")));
  }

  private TestPki.Builder leaf(String id) {
    return pki.leaf(root).uriSan(id);
  }

  private static List<Finding> lint(TestPki.Builder b, MeshProfile profile) {
    return CertificateLints.lint(
        b.issue().facts(), CertificateRole.LEAF, Optional.of(profile), LintContext.at(TestPki.NOW));
  }

  /** Leaf and root of the {@code default} secret's certificate_chain. */
  private static List<CertificateFacts> defaultChain() {
    try (InputStream in = IstioRulesTest.class.getResourceAsStream("/corpus/" + DUMP)) {
      JsonElement dump = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String b64 =
          dump.getAsJsonObject()
              .getAsJsonArray("configs")
              .get(0)
              .getAsJsonObject()
              .getAsJsonArray("dynamic_active_secrets")
              .get(0)
              .getAsJsonObject()
              .getAsJsonObject("secret")
              .getAsJsonObject("tls_certificate")
              .getAsJsonObject("certificate_chain")
              .get("inline_bytes")
              .getAsString();
      return Certs.pem(new String(Base64.getDecoder().decode(b64), StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
