package dev.meshcert.core.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.meshcert.core.cert.Hex;
import dev.meshcert.testpki.TestPki;
import java.io.ByteArrayOutputStream;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JksReaderTest {

  private static final TestPki PKI = new TestPki();
  private static final TestPki.Issued ROOT = PKI.root("CN=Root").issue();
  private static final TestPki.Issued LEAF = PKI.leaf(ROOT).uriSan("spiffe://td/w").issue();
  private static final PasswordProvider NOT_ASKED =
      (name, attempt) -> fail("password asked for " + name);

  private final JksReader reader = new JksReader();

  @ParameterizedTest
  @ValueSource(strings = {"JKS", "JCEKS"})
  void readsCertificatesWithoutTheStorePassword(String type) {
    byte[] store = Inputs.keystore(type, "secret".toCharArray(), LEAF, ROOT);
    assertTrue(reader.accepts(store));
    Source s = reader.read("x", store, NOT_ASKED);
    assertEquals(List.of(), s.problems());
    assertEquals(
        List.of(ROOT.facts(), LEAF.facts()),
        s.certificates().stream().map(CertificateEntry::certificate).toList());
    assertEquals("alias ca-1", s.certificates().get(0).location());
    assertEquals("trusted certificate", s.certificates().get(0).context().get("entry"));
    assertEquals(type, s.certificates().get(1).context().get("keystore"));
  }

  @Test
  void describesKeyEntryFromItsCertificateWithoutDecrypting() {
    Source s = reader.read("x", Inputs.keystore("JKS", "pw".toCharArray(), LEAF), NOT_ASKED);
    KeyEntry key = s.keys().get(0);
    assertEquals("alias server", key.location());
    assertEquals("EC", key.algorithm());
    assertEquals("P-256 (stays encrypted in the keystore)", key.description());
    assertEquals(
        Optional.of(Hex.lower(Hex.digest("SHA-256", LEAF.keyPair().getPublic().getEncoded()))),
        key.publicKeySha256());
  }

  @Test
  void truncatedKeystoreIsAProblem() {
    byte[] store = Inputs.keystore("JKS", "pw".toCharArray(), LEAF, ROOT);
    Source s = reader.read("x", Arrays.copyOf(store, store.length / 2), NOT_ASKED);
    assertTrue(s.certificates().isEmpty());
    assertTrue(s.problems().get(0).message().startsWith("not a readable JKS keystore"));
  }

  @Test
  void secretKeyEntryIsSkippedWithANote() throws Exception {
    KeyStore ks = KeyStore.getInstance("JCEKS");
    ks.load(null, null);
    char[] pw = "pw".toCharArray();
    ks.setEntry(
        "aes",
        new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[16], "AES")),
        new KeyStore.PasswordProtection(pw));
    ks.setCertificateEntry("ca", Inputs.x509(ROOT));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ks.store(out, pw);
    Source s = reader.read("x", out.toByteArray(), NOT_ASKED);
    assertEquals(1, s.certificates().size());
    assertEquals(
        List.of(new ReadProblem("alias aes", "skipped: secret key entry, not a certificate")),
        s.problems());
  }
}
