package dev.meshcert.mesh.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DestinationRuleParserTest {

  private static DestinationRule one(String yaml) {
    List<DestinationRule> rules = DestinationRuleParser.parseYaml(yaml, "ns1");
    assertEquals(1, rules.size(), rules.toString());
    return rules.get(0);
  }

  @Test
  void ruleWideModeIsRead() {
    DestinationRule r =
        one(
            """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: r, namespace: bookinfo}
            spec: {host: ratings, trafficPolicy: {tls: {mode: DISABLE}}}
            """);
    assertEquals(new PolicyRef("bookinfo", "r"), r.ref());
    assertEquals(
        List.of(
            new DestinationRule.TlsSetting(
                Optional.empty(), Optional.empty(), ClientTlsMode.DISABLE)),
        r.settings());
  }

  @Test
  void portLevelAndSubsetModesAreRead() {
    DestinationRule r =
        one(
            """
            kind: DestinationRule
            metadata: {name: r}
            spec:
              host: reviews
              trafficPolicy:
                portLevelSettings:
                - port: {number: 9080}
                  tls: {mode: ISTIO_MUTUAL}
              subsets:
              - name: v2
                trafficPolicy: {tls: {mode: disable}}
            """);
    assertEquals(
        List.of("portLevelSettings[9080] ISTIO_MUTUAL", "subset v2 trafficPolicy DISABLE"),
        r.settings().stream().map(s -> s.where() + " " + s.mode()).toList());
    assertEquals("ns1", r.ref().namespace());
  }

  @Test
  void ruleWithoutHostIsSkipped() {
    assertTrue(
        DestinationRuleParser.parseYaml("kind: DestinationRule\nspec: {}\n", "ns1").isEmpty());
  }

  @Test
  void otherKindsAndBadYamlAreSkipped() {
    assertTrue(
        DestinationRuleParser.parseYaml("kind: PeerAuthentication\n---\n: : [\n", "ns1").isEmpty());
  }

  @Test
  void hostNamesAreResolvedToServices() {
    DestinationRule shortName = rule("ratings");
    DestinationRule full = rule("ratings.bookinfo.svc.cluster.local");
    DestinationRule external = rule("api.example.com");
    DestinationRule wildcard = rule("*.bookinfo.svc.cluster.local");
    assertEquals(Optional.of("ns1/ratings"), shortName.serviceRef());
    assertEquals(Optional.of("bookinfo/ratings"), full.serviceRef());
    assertEquals(Optional.empty(), external.serviceRef());
    assertEquals(Optional.of("bookinfo"), wildcard.wildcardNamespace());
  }

  private static DestinationRule rule(String host) {
    return new DestinationRule(new PolicyRef("ns1", "r"), host, List.of());
  }
}
