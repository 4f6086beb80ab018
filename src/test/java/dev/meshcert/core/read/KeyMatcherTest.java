package dev.meshcert.core.read;

import static dev.meshcert.core.read.Inputs.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.meshcert.testpki.TestPki;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyMatcherTest {

  private static final TestPki PKI = new TestPki();
  private static final TestPki.Issued ROOT = PKI.root("CN=Root").issue();
  private static final TestPki.Issued LEAF = PKI.leaf(ROOT).uriSan("spiffe://td/w").issue();

  /** The same key pair certified again (a renewal). */
  private static final TestPki.Issued RENEWED =
      PKI.leaf(ROOT).keyPair(LEAF.keyPair()).uriSan("spiffe://td/w").issue();

  private static Source pem(String name, String text) {
    return new PemReader().read(name, utf8(text), PasswordProvider.none());
  }

  private static final String KEY = Inputs.pkcs8Pem(LEAF.keyPair().getPrivate());

  @Test
  void matchesKeyToCertificateInAnotherSource() {
    List<Source> matched =
        KeyMatcher.match(List.of(pem("tls.key", KEY), pem("tls.crt", LEAF.pem() + ROOT.pem())));
    assertEquals(
        Optional.of(LEAF.facts().sha256()),
        matched.get(0).keys().get(0).matchedCertificateSha256());
  }

  @Test
  void prefersCertificateOfTheKeysOwnSource() {
    List<Source> matched =
        KeyMatcher.match(List.of(pem("old", LEAF.pem()), pem("new", RENEWED.pem() + KEY)));
    assertEquals(
        Optional.of(RENEWED.facts().sha256()),
        matched.get(1).keys().get(0).matchedCertificateSha256());
  }

  @Test
  void keyOfNoCertificateStaysUnmatched() {
    Source s = KeyMatcher.match(pem("k", KEY + ROOT.pem()));
    assertEquals(Optional.empty(), s.keys().get(0).matchedCertificateSha256());
  }

  @Test
  void sourcesWithoutKeysComeBackUnchangedInOrder() {
    Source a = pem("a", ROOT.pem());
    Source b = pem("b", LEAF.pem());
    List<Source> matched = KeyMatcher.match(List.of(a, b));
    assertSame(a, matched.get(0));
    assertSame(b, matched.get(1));
  }
}
