package dev.meshcert.core.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.meshcert.testpki.TestPki;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Pkcs12ReaderTest {

  private static final String PYCA = "pyca-cryptography-vectors/pkcs12/";
  private static final TestPki PKI = new TestPki();

  private final Pkcs12Reader reader = new Pkcs12Reader();

  /** Fails the test when a password is asked for. */
  private static final PasswordProvider NOT_ASKED =
      (name, attempt) -> fail("password asked for " + name);

  private static PasswordProvider passwordOrNone(String password) {
    return password == null ? NOT_ASKED : PasswordProvider.fixed(password.toCharArray());
  }

  /**
   * The pyca vectors with the passwords of EXPECTATIONS §6 (empty cell: no password may be asked).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "cert-key-aes256cbc.p12, cryptography, 1, 1",
    "cert-aes256cbc-no-key.p12, cryptography, 1, 0",
    "no-cert-key-aes256cbc.p12, cryptography, 0, 1",
    "cert-none-key-none.p12, cryptography, 1, 1",
    "cert-rc2-key-3des.p12, cryptography, 1, 1",
    "no-password.p12, , 1, 1",
    "name-1-pwd.p12, password, 3, 1",
    "name-2-3-pwd.p12, password, 3, 1",
    "name-unicode-pwd.p12, password, 3, 1",
    "no-name-pwd.p12, password, 3, 1",
    "name-all-no-pwd.p12, , 3, 1",
    "name-unicode-no-pwd.p12, , 3, 1",
    "no-name-no-pwd.p12, , 3, 1",
    "no-cert-name-all-pwd.p12, password, 2, 0",
    "no-cert-no-name-pwd.p12, password, 2, 0",
    "no-cert-name-3-no-pwd.p12, , 2, 0",
    "no-cert-no-name-no-pwd.p12, , 2, 0",
  })
  void readsPycaVector(String file, String password, int certificates, int keys) {
    byte[] content = Corpus.bytes(PYCA + file);
    assertTrue(reader.accepts(content));
    Source s = reader.read(file, content, passwordOrNone(password));
    assertEquals(List.of(), s.problems());
    assertEquals(certificates, s.certificates().size());
    assertEquals(keys, s.keys().size());
    s.keys().forEach(k -> assertTrue(k.publicKeySha256().isPresent(), k::description));
  }

  @Test
  void wrongPasswordIsAClearMessage() {
    Source s =
        reader.read(
            "x",
            Corpus.bytes(PYCA + "cert-key-aes256cbc.p12"),
            PasswordProvider.fixed("nope".toCharArray()));
    assertTrue(
        s.problems()
            .contains(new ReadProblem("", "wrong password (PKCS#12 integrity check failed)")),
        s.problems()::toString);
    assertTrue(s.certificates().isEmpty());
  }

  @Test
  void noPasswordGivenSaysOneIsNeeded() {
    Source s =
        reader.read("x", Corpus.bytes(PYCA + "cert-key-aes256cbc.p12"), PasswordProvider.none());
    assertTrue(s.problems().get(0).message().startsWith("password needed"));
  }

  @Test
  void asksAgainAfterAWrongPasswordWithTheAttemptNumber() {
    List<Integer> attempts = new ArrayList<>();
    PasswordProvider secondTimeRight =
        (name, attempt) -> {
          attempts.add(attempt);
          return Optional.of((attempt == 2 ? "cryptography" : "wrong").toCharArray());
        };
    Source s = reader.read("x", Corpus.bytes(PYCA + "cert-rc2-key-3des.p12"), secondTimeRight);
    assertEquals(List.of(1, 2), attempts);
    assertEquals(1, s.certificates().size());
  }

  @Test
  void stopsAskingAfterMaxAsks() {
    List<Integer> attempts = new ArrayList<>();
    PasswordProvider alwaysWrong =
        (name, attempt) -> {
          attempts.add(attempt);
          return Optional.of("wrong".toCharArray());
        };
    Source s = reader.read("x", Corpus.bytes(PYCA + "cert-rc2-key-3des.p12"), alwaysWrong);
    assertEquals(Pkcs12Reader.MAX_ASKS, attempts.size());
    assertEquals("wrong password (PKCS#12 integrity check failed)", s.problems().get(0).message());
  }

  @Test
  void keepsFriendlyNamesAndLocalKeyIds() {
    Source s = reader.read("x", Corpus.bytes(PYCA + "name-all-no-pwd.p12"), NOT_ASKED);
    assertEquals("name", s.certificates().get(0).context().get("friendlyName"));
    assertEquals(
        "2534f63c8f948ce54827f670d924d5fc81faa12c",
        s.certificates().get(0).context().get("localKeyId"));
    assertEquals("bag 4 \"name\"", s.keys().get(0).location());
  }

  @Test
  void keyIsMatchedToItsCertificate() {
    Source s =
        InputReader.standard()
            .read(
                "x",
                Corpus.bytes(PYCA + "cert-key-aes256cbc.p12"),
                PasswordProvider.fixed("cryptography".toCharArray()));
    assertEquals(
        Optional.of(s.certificates().get(0).certificate().sha256()),
        s.keys().get(0).matchedCertificateSha256());
  }

  @Test
  void readsJdkKeystoreWithEmptyPasswordWithoutAsking() {
    TestPki.Issued root = PKI.root("CN=Root").issue();
    TestPki.Issued leaf = PKI.leaf(root).uriSan("spiffe://td/x").issue();
    byte[] p12 = Inputs.keystore("PKCS12", new char[0], leaf, root);
    Source s = reader.read("x", p12, NOT_ASKED);
    assertEquals(List.of(), s.problems());
    assertEquals(2, s.certificates().size());
    assertEquals(1, s.keys().size());
  }

  @Test
  void readsJdkKeystoreWithGivenPassword() {
    TestPki.Issued root = PKI.root("CN=Root").issue();
    byte[] p12 = Inputs.keystore("PKCS12", "changeit".toCharArray(), root);
    Source s = reader.read("x", p12, PasswordProvider.fixed("changeit".toCharArray()));
    assertEquals(
        List.of(root.facts()), s.certificates().stream().map(c -> c.certificate()).toList());
  }

  @Test
  void absurdIterationCountIsNotTried() throws Exception {
    Pfx pfx = Pfx.getInstance(Corpus.bytes(PYCA + "no-name-no-pwd.p12"));
    MacData mac = pfx.getMacData();
    MacData hostile =
        new MacData(mac.getMac(), mac.getSalt(), BigInteger.valueOf(Integer.MAX_VALUE).intValue());
    byte[] content = new Pfx(pfx.getAuthSafe(), hostile).getEncoded();
    Source s = reader.read("x", content, PasswordProvider.none());
    assertTrue(s.problems().get(0).message().contains("iteration count"), s.problems()::toString);
  }
}
