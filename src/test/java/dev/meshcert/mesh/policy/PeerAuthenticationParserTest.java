package dev.meshcert.mesh.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeerAuthenticationParserTest {

  private static PeerAuthentication only(String yaml) {
    List<ParsedPeerAuthentication> parsed = PeerAuthenticationParser.parseYaml(yaml, "default");
    assertEquals(1, parsed.size());
    return parsed.get(0).policy().orElseThrow(() -> new AssertionError(parsed.get(0).errors()));
  }

  @Test
  void readsSelectorModeAndPortLevels() {
    PeerAuthentication p =
        only(
            """
            apiVersion: security.istio.io/v1beta1
            kind: PeerAuthentication
            metadata: {name: reviews, namespace: bookinfo}
            spec:
              selector: {matchLabels: {app: reviews}}
              mtls: {mode: STRICT}
              portLevelMtls:
                "9080": {mode: PERMISSIVE}
            """);
    assertEquals(new PolicyRef("bookinfo", "reviews"), p.ref());
    assertEquals(Optional.of(Map.of("app", "reviews")), p.selector());
    assertEquals(MtlsMode.STRICT, p.mode());
    assertEquals(Map.of(9080, MtlsMode.PERMISSIVE), p.portLevelMtls());
  }

  @Test
  void missingMtlsMeansUnset() {
    PeerAuthentication p =
        only("apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: x}\n");
    assertEquals(MtlsMode.UNSET, p.mode());
  }

  @Test
  void objectWithoutNamespaceTakesTheDefault() {
    PeerAuthentication p =
        only("apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: x}\n");
    assertEquals("default", p.namespace());
  }

  @Test
  void readsTheCreationTimestamp() {
    PeerAuthentication p =
        only(
            """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: {name: x, creationTimestamp: "2026-01-02T03:04:05Z"}
            """);
    assertEquals(Optional.of(Instant.parse("2026-01-02T03:04:05Z")), p.created());
  }

  @Test
  void unquotedYamlTimestampIsReadToo() {
    PeerAuthentication p =
        only(
            """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: {name: x, creationTimestamp: 2026-01-02T03:04:05Z}
            """);
    assertEquals(Optional.of(Instant.parse("2026-01-02T03:04:05Z")), p.created());
  }

  @Test
  void olderAuthenticationPolicyKindIsRejected() {
    List<ParsedPeerAuthentication> parsed =
        PeerAuthenticationParser.parseYaml(
            "apiVersion: authentication.istio.io/v1alpha1\nkind: Policy\nmetadata: {name: x}\n",
            "default");
    assertFalse(parsed.get(0).isValid());
  }

  @Test
  void brokenYamlBecomesAnInvalidEntryInsteadOfAnException() {
    List<ParsedPeerAuthentication> parsed =
        PeerAuthenticationParser.parseYaml("kind: [unclosed", "default");
    assertEquals(1, parsed.size());
    assertTrue(parsed.get(0).errors().get(0).message().startsWith("not valid YAML"));
  }

  @Test
  void wildcardInSelectorValueIsRejected() {
    List<ParsedPeerAuthentication> parsed =
        PeerAuthenticationParser.parseYaml(
            """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: {name: x}
            spec: {selector: {matchLabels: {app: "rev*"}}}
            """,
            "default");
    assertTrue(
        parsed.get(0).errors().get(0).message().contains("wildcard not allowed in label value"));
  }
}
