package dev.meshcert.core.spiffe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every SPIFFE-ID rule, broken and kept. Cases marked go-spiffe are the strings of go-spiffe's
 * {@code spiffeid/id_test.go} (TestFromString), with the same valid/invalid verdict.
 */
class SpiffeIdParserTest {

  static Stream<Arguments> invalidIds() {
    return Stream.of(
        // ID-1
        Arguments.of("", SpiffeIdRule.EMPTY), // go-spiffe
        Arguments.of("s", SpiffeIdRule.SCHEME), // go-spiffe
        Arguments.of("spiffe:/", SpiffeIdRule.SCHEME), // go-spiffe
        Arguments.of("spiffe:/x", SpiffeIdRule.SCHEME),
        Arguments.of("https://example.org/path", SpiffeIdRule.SCHEME),
        Arguments.of("Spiffe://trustdomain/path", SpiffeIdRule.SCHEME_CASE), // go-spiffe
        Arguments.of("SPIFFE://trustdomain/path", SpiffeIdRule.SCHEME_CASE),
        // ID-2
        Arguments.of("spiffe://", SpiffeIdRule.TRUST_DOMAIN_MISSING), // go-spiffe
        Arguments.of("spiffe:///", SpiffeIdRule.TRUST_DOMAIN_MISSING), // go-spiffe
        Arguments.of("spiffe:///path", SpiffeIdRule.TRUST_DOMAIN_MISSING),
        // ID-3
        Arguments.of("spiffe://trustdomain/path?query", SpiffeIdRule.QUERY),
        Arguments.of("spiffe://trustdomain?x=1", SpiffeIdRule.QUERY),
        Arguments.of("spiffe://trustdomain/path#frag", SpiffeIdRule.FRAGMENT),
        Arguments.of("spiffe://trustdomain#", SpiffeIdRule.FRAGMENT),
        // ID-4
        Arguments.of("spiffe://user@trustdomain/path", SpiffeIdRule.USERINFO),
        Arguments.of("spiffe://user:pw@trustdomain/path", SpiffeIdRule.USERINFO),
        Arguments.of("spiffe://trustdomain:443/path", SpiffeIdRule.PORT),
        Arguments.of("spiffe://trustdomain:/path", SpiffeIdRule.PORT),
        // ID-5
        Arguments.of("spiffe://TrustDomain/path", SpiffeIdRule.TRUST_DOMAIN_CASE),
        Arguments.of("spiffe://trustdomaiN", SpiffeIdRule.TRUST_DOMAIN_CASE),
        // ID-6
        Arguments.of("spiffe://trust domain/path", SpiffeIdRule.TRUST_DOMAIN_CHARS),
        Arguments.of("spiffe://trust+domain/path", SpiffeIdRule.TRUST_DOMAIN_CHARS),
        Arguments.of("spiffe://[::1]/path", SpiffeIdRule.TRUST_DOMAIN_CHARS),
        Arguments.of("spiffe://trüstdomain/path", SpiffeIdRule.TRUST_DOMAIN_CHARS),
        // ID-7
        Arguments.of("spiffe://%F0%9F%A4%AF/path", SpiffeIdRule.TRUST_DOMAIN_PERCENT), // go-spiffe
        Arguments.of("spiffe://%62%61%64/path", SpiffeIdRule.TRUST_DOMAIN_PERCENT), // go-spiffe
        // ID-13 (trust domain)
        Arguments.of("spiffe://" + "a".repeat(256) + "/path", SpiffeIdRule.TRUST_DOMAIN_LENGTH),
        // ID-9
        Arguments.of("spiffe://trustdomain/%F0%9F%A4%AF", SpiffeIdRule.PATH_PERCENT), // go-spiffe
        Arguments.of("spiffe://trustdomain/%62%61%64", SpiffeIdRule.PATH_PERCENT), // go-spiffe
        // ID-10
        Arguments.of("spiffe://trustdomain//", SpiffeIdRule.PATH_EMPTY_SEGMENT), // go-spiffe
        Arguments.of("spiffe://trustdomain//path", SpiffeIdRule.PATH_EMPTY_SEGMENT), // go-spiffe
        Arguments.of("spiffe://trustdomain/a//b", SpiffeIdRule.PATH_EMPTY_SEGMENT),
        Arguments.of("spiffe://trustdomain/.", SpiffeIdRule.PATH_DOT_SEGMENT), // go-spiffe
        Arguments.of("spiffe://trustdomain/./path", SpiffeIdRule.PATH_DOT_SEGMENT), // go-spiffe
        Arguments.of("spiffe://trustdomain/path/./other", SpiffeIdRule.PATH_DOT_SEGMENT), // ″
        Arguments.of("spiffe://trustdomain/path/..", SpiffeIdRule.PATH_DOT_SEGMENT), // go-spiffe
        Arguments.of("spiffe://trustdomain/..", SpiffeIdRule.PATH_DOT_SEGMENT), // go-spiffe
        Arguments.of("spiffe://trustdomain/../path", SpiffeIdRule.PATH_DOT_SEGMENT), // go-spiffe
        Arguments.of("spiffe://trustdomain/path/../other", SpiffeIdRule.PATH_DOT_SEGMENT), // ″
        // ID-11
        Arguments.of("spiffe://trustdomain/", SpiffeIdRule.PATH_TRAILING_SLASH), // go-spiffe
        Arguments.of("spiffe://trustdomain/path/", SpiffeIdRule.PATH_TRAILING_SLASH), // go-spiffe
        // ID-12
        Arguments.of("spiffe://trustdomain/pa th", SpiffeIdRule.PATH_CHARS),
        Arguments.of("spiffe://trustdomain/path:x", SpiffeIdRule.PATH_CHARS),
        Arguments.of("spiffe://trustdomain/päth", SpiffeIdRule.PATH_CHARS),
        Arguments.of("spiffe://trustdomain/path~", SpiffeIdRule.PATH_CHARS));
  }

  @ParameterizedTest(name = "{0} breaks {1}")
  @MethodSource("invalidIds")
  void rejectsIdBreakingRule(String input, SpiffeIdRule rule) {
    SpiffeIdResult r = SpiffeIdParser.parse(input);
    assertFalse(r.valid(), () -> input + " parsed as valid");
    assertTrue(r.breaks(rule), () -> input + " gave " + r.violations());
    assertEquals(Optional.empty(), r.id());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "spiffe://trustdomain", // go-spiffe: path empty
        "spiffe://trustdomain/path",
        "spiffe://trustdomain/.path", // go-spiffe
        "spiffe://trustdomain/..path", // go-spiffe
        "spiffe://trustdomain/...", // go-spiffe
        "spiffe://cluster.local/ns/default/sa/web",
        "spiffe://trust_domain-1.example.com/A-Z/a_z/0.9",
        "spiffe://10.0.0.1/workload", // ID-8: a dotted quad is just another name
        "spiffe://example.org/9eebccd2-12bf-40a6-b262-65fe0487d453"
      })
  void acceptsValidId(String input) {
    SpiffeIdResult r = SpiffeIdParser.parse(input);
    assertTrue(r.valid(), () -> input + " gave " + r.violations());
    assertEquals(List.of(), r.violations());
    assertEquals(input, r.id().orElseThrow().uri());
  }

  @Test
  void splitsTrustDomainAndPath() {
    SpiffeId id = SpiffeIdParser.parse("spiffe://cluster.local/ns/default/sa/web").id().get();
    assertEquals("cluster.local", id.trustDomain());
    assertEquals("/ns/default/sa/web", id.path());
    assertEquals(Optional.of(new SpiffeId.KubernetesIdentity("default", "web")), id.kubernetes());
  }

  @Test
  void acceptsTrustDomainOfExactly255Bytes() {
    assertTrue(SpiffeIdParser.parse("spiffe://" + "a".repeat(255) + "/p").valid());
  }

  @Test
  void acceptsIdOfExactly2048BytesWithoutWarning() {
    String id = "spiffe://td/" + "a".repeat(2048 - "spiffe://td/".length());
    SpiffeIdResult r = SpiffeIdParser.parse(id);
    assertTrue(r.valid());
    assertEquals(List.of(), r.violations());
  }

  @Test
  void warnsButAcceptsIdLongerThan2048Bytes() {
    String id = "spiffe://td/" + "a".repeat(2049 - "spiffe://td/".length());
    SpiffeIdResult r = SpiffeIdParser.parse(id);
    assertTrue(r.valid());
    assertEquals(Set.of(SpiffeIdRule.LENGTH), rules(r));
  }

  @Test
  void reportsEveryBrokenRuleAtOnce() {
    SpiffeIdResult r = SpiffeIdParser.parse("Spiffe://user@Trust%20Domain:8443/a//./b/?q#f");
    assertEquals(
        EnumSet.of(
            SpiffeIdRule.SCHEME_CASE,
            SpiffeIdRule.FRAGMENT,
            SpiffeIdRule.QUERY,
            SpiffeIdRule.USERINFO,
            SpiffeIdRule.PORT,
            SpiffeIdRule.TRUST_DOMAIN_CASE,
            SpiffeIdRule.TRUST_DOMAIN_PERCENT,
            SpiffeIdRule.PATH_EMPTY_SEGMENT,
            SpiffeIdRule.PATH_DOT_SEGMENT,
            SpiffeIdRule.PATH_TRAILING_SLASH),
        rules(r));
  }

  @Test
  void reportsEachRuleOnceWithItsFirstPlace() {
    SpiffeIdResult r = SpiffeIdParser.parse("spiffe://td/a b c");
    assertEquals(1, r.violations().size());
    assertEquals("U+0020 at index 13", r.violations().get(0).detail());
  }

  @Test
  void namesTheReferenceOfEachRule() {
    assertEquals("SPIFFE-ID §2.1 (ID-5)", SpiffeIdRule.TRUST_DOMAIN_CASE.reference());
    assertEquals("SPIFFE-ID-TRUST-DOMAIN-CASE", SpiffeIdRule.TRUST_DOMAIN_CASE.ruleId());
  }

  /** go-spiffe: every byte outside [a-z0-9._-] in the trust domain is rejected. */
  @Test
  void rejectsEveryTrustDomainByteOutsideTheCharset() {
    List<Integer> accepted =
        IntStream.range(0, 256)
            .filter(b -> b != '/' && b != '?' && b != '#')
            .filter(b -> SpiffeIdParser.parse("spiffe://trustdomain" + (char) b + "/path").valid())
            .boxed()
            .toList();
    List<Integer> expected =
        IntStream.range(0, 256)
            .filter(b -> SpiffeIdParser.trustDomainChar((char) b))
            .boxed()
            .toList();
    assertEquals(expected, accepted);
    assertEquals(39, accepted.size());
  }

  /** go-spiffe: every byte outside [a-zA-Z0-9._-] in a path segment is rejected. */
  @Test
  void rejectsEveryPathByteOutsideTheCharset() {
    List<Integer> accepted =
        IntStream.range(0, 256)
            .filter(b -> b != '/' && b != '?' && b != '#')
            .filter(b -> SpiffeIdParser.parse("spiffe://trustdomain/path" + (char) b).valid())
            .boxed()
            .toList();
    assertEquals(65, accepted.size());
    assertTrue(accepted.contains((int) 'Z'));
  }

  private static Set<SpiffeIdRule> rules(SpiffeIdResult r) {
    Set<SpiffeIdRule> s = EnumSet.noneOf(SpiffeIdRule.class);
    r.violations().forEach(v -> s.add(v.rule()));
    return s;
  }
}
