package dev.meshcert.core.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshcert.testpki.TestPki;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeerNameMatcherTest {

  @ParameterizedTest(name = "{0} vs {1}: {2}")
  @CsvSource({
    "example.com, example.com, true",
    "Example.COM, example.com, true",
    "example.com, example2.com, false",
    "*.example.com, foo.example.com, true",
    "*.example.com, foo.bar.example.com, false",
    "*.example.com, example.com, false",
    "*.com, example.com, false",
    "ba*.example.com, baz.example.com, false",
    "foo.*.example.com, foo.bar.example.com, false",
    ".example.com, foo.example.com, false",
  })
  void matchesDnsNamesByRfc6125(String presented, String reference, boolean expected) {
    assertEquals(expected, PeerNameMatcher.dns(presented, reference));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "spiffe://cluster.local/ns/a/sa/b, true",
    "SPIFFE://Cluster.Local/ns/a/sa/b, true",
    "spiffe://cluster.local/ns/a/sa/c, false",
    "spiffe://other.local/ns/a/sa/b, false",
  })
  void matchesSpiffeIdsExactlyButForSchemeAndHostCase(String expected, boolean matches) {
    TestPki pki = new TestPki();
    TestPki.Issued root = pki.root("CN=Root").issue();
    TestPki.Issued leaf = pki.leaf(root).uriSan("spiffe://cluster.local/ns/a/sa/b").issue();

    assertEquals(
        matches, PeerNameMatcher.matches(leaf.facts(), new PeerName(PeerName.Kind.URI, expected)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"10.0.0.1, true", "10.0.0.2, false", "::1, false"})
  void matchesIpAddressesByValue(String expected, boolean matches) {
    TestPki pki = new TestPki();
    TestPki.Issued root = pki.root("CN=Root").issue();
    TestPki.Issued leaf = pki.leaf(root).subject("CN=x").ipSan("10.0.0.1").issue();

    assertEquals(
        matches, PeerNameMatcher.matches(leaf.facts(), new PeerName(PeerName.Kind.IP, expected)));
  }
}
