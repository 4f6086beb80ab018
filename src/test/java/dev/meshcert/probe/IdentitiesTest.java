package dev.meshcert.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.probe.LoopbackServer.Mode;
import dev.meshcert.testpki.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentitiesTest {
  private static final String SLEEP = "spiffe://cluster.local/ns/default/sa/sleep";
  private final TestPki pki = new TestPki();
  private final TestPki.Issued root = pki.root("O=cluster.local").issue();
  private final TestPki.Issued leaf = pki.leaf(root).uriSan(SLEEP).issue();
  @TempDir Path dir;

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void readsAChainAndAPkcs8KeyFromFiles() throws Exception {
    Path cert = Files.writeString(dir.resolve("cert-chain.pem"), leaf.pem() + root.pem());
    Path key = Files.writeString(dir.resolve("key.pem"), leaf.keyPkcs8Pem());
    ClientIdentity id = PemIdentities.fromFiles(cert, key);
    assertEquals(2, id.chain().size());
    assertEquals(Optional.of(SLEEP), id.spiffeId());
  }

  @Test
  void readsATraditionalEcKey() throws Exception {
    ClientIdentity id = PemIdentities.identity(b(leaf.pem()), "cert", b(leaf.keyPem()), "key");
    assertEquals("EC", id.privateKey().getAlgorithm());
  }

  @Test
  void readsAPkcs1RsaKey() throws Exception {
    TestPki.Issued rsa = pki.leaf(root).key("RSA").uriSan(SLEEP).issue();
    assertTrue(rsa.keyPem().contains("BEGIN RSA PRIVATE KEY"));
    ClientIdentity id = PemIdentities.identity(b(rsa.pem()), "cert", b(rsa.keyPem()), "key");
    assertEquals("RSA", id.privateKey().getAlgorithm());
  }

  @Test
  void refusesAKeyOfAnotherCertificate() {
    TestPki.Issued other = pki.leaf(root).uriSan(SLEEP).issue();
    IdentityException e =
        assertThrows(
            IdentityException.class,
            () -> PemIdentities.identity(b(leaf.pem()), "cert.pem", b(other.keyPem()), "key.pem"));
    assertEquals(
        "key.pem: the key does not belong to the first certificate of cert.pem", e.getMessage());
  }

  @Test
  void refusesAnEncryptedKeySayingHowToDecryptIt() throws Exception {
    var encryptor =
        new JceOpenSSLPKCS8EncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC)
            .setPassword("secret".toCharArray())
            .build();
    String pem = TestPki.pem(new JcaPKCS8Generator(leaf.keyPair().getPrivate(), encryptor));
    IdentityException e =
        assertThrows(IdentityException.class, () -> PemIdentities.privateKey(b(pem), "key.pem"));
    assertTrue(e.getMessage().contains("encrypted"), e.getMessage());
  }

  @Test
  void refusesAFileWithoutCertificates() {
    IdentityException e =
        assertThrows(
            IdentityException.class,
            () -> PemIdentities.certificates(b(leaf.keyPem()), "root.pem"));
    assertTrue(e.getMessage().startsWith("root.pem: no PEM certificate"), e.getMessage());
  }

  @Test
  void mintedIdentityCarriesTheChosenSpiffeIdAndTheCaChain() throws Exception {
    ClientIdentity id =
        IdentityMint.mint(
            List.of(LoopbackServer.x509(root)),
            root.keyPair().getPrivate(),
            SLEEP,
            Duration.ofMinutes(30),
            TestPki.CLOCK);
    assertEquals(Optional.of(SLEEP), id.spiffeId());
    assertEquals(2, id.chain().size());
    id.leaf().verify(root.keyPair().getPublic());
    assertEquals(TestPki.NOW.plus(Duration.ofMinutes(30)), id.leaf().getNotAfter().toInstant());
    assertTrue(id.leaf().getSubjectX500Principal().getName().isEmpty());
  }

  @Test
  void mintedIdentityIsAcceptedByAServerDemandingClientCertificates() throws Exception {
    // The JSSE peers check validity against the system clock: a leaf valid now.
    TestPki.Issued server =
        TestPki.live().leaf(root).uriSan("spiffe://cluster.local/ns/bookinfo/sa/details").issue();
    ClientIdentity id =
        IdentityMint.mint(
            List.of(LoopbackServer.x509(root)),
            root.keyPair().getPrivate(),
            SLEEP,
            Duration.ofMinutes(5),
            java.time.Clock.systemUTC());
    try (LoopbackServer s =
        new LoopbackServer(Mode.TLS_NEED_CLIENT_AUTH, server, List.of(), root)) {
      ProbeResult r =
          new MtlsProbe(
                  Experiment.TLS_WITH_IDENTITY,
                  ProbeTarget.of("localhost", s.port()),
                  Optional.of(id),
                  List.of(LoopbackServer.x509(root)),
                  java.time.Clock.systemUTC())
              .run();
      assertEquals(Outcome.MUTUAL_TLS_ESTABLISHED, r.outcome(), r.transcriptText());
    }
  }

  @Test
  void mintRefusesAnInvalidSpiffeId() {
    IdentityException e =
        assertThrows(
            IdentityException.class,
            () ->
                IdentityMint.mint(
                    List.of(LoopbackServer.x509(root)),
                    root.keyPair().getPrivate(),
                    "spiffe://Cluster.Local/ns/x",
                    Duration.ofMinutes(5),
                    TestPki.CLOCK));
    assertTrue(e.getMessage().startsWith("not a valid SPIFFE ID"), e.getMessage());
  }

  @Test
  void mintRefusesACertificateThatIsNotACa() {
    IdentityException e =
        assertThrows(
            IdentityException.class,
            () ->
                IdentityMint.mint(
                    List.of(LoopbackServer.x509(leaf)),
                    leaf.keyPair().getPrivate(),
                    SLEEP,
                    Duration.ofMinutes(5),
                    TestPki.CLOCK));
    assertTrue(e.getMessage().contains("is not a CA"), e.getMessage());
  }

  @Test
  void mintRefusesACaKeyOfAnotherCa() {
    TestPki.Issued other = pki.root("O=other").issue();
    IdentityException e =
        assertThrows(
            IdentityException.class,
            () ->
                IdentityMint.mint(
                    List.of(LoopbackServer.x509(root)),
                    other.keyPair().getPrivate(),
                    SLEEP,
                    Duration.ofMinutes(5),
                    TestPki.CLOCK));
    assertEquals("the CA key does not belong to the CA certificate", e.getMessage());
  }

  @Test
  void mintRefusesALifetimeLongerThanADay() {
    assertThrows(
        IdentityException.class,
        () ->
            IdentityMint.mint(
                List.of(LoopbackServer.x509(root)),
                root.keyPair().getPrivate(),
                SLEEP,
                Duration.ofHours(25),
                TestPki.CLOCK));
  }

  @Test
  void mintedLeafNeverOutlivesItsCa() throws Exception {
    TestPki.Issued shortCa =
        pki.root("O=short")
            .validity(
                TestPki.NOW.minus(Duration.ofDays(1)), TestPki.NOW.plus(Duration.ofMinutes(10)))
            .issue();
    ClientIdentity id =
        IdentityMint.mint(
            List.of(LoopbackServer.x509(shortCa)),
            shortCa.keyPair().getPrivate(),
            SLEEP,
            Duration.ofHours(1),
            TestPki.CLOCK);
    assertEquals(TestPki.NOW.plus(Duration.ofMinutes(10)), id.leaf().getNotAfter().toInstant());
  }

  @Test
  void pullsTheLegacyFilesFromAPodWithCat() throws Exception {
    List<List<String>> ran = new java.util.ArrayList<>();
    PodCommandRunner runner =
        (ns, pod, container, command, timeout) -> {
          ran.add(command);
          String file = command.get(1);
          String out =
              switch (file) {
                case "/etc/certs/key.pem" -> leaf.keyPem();
                case "/etc/certs/cert-chain.pem" -> leaf.pem() + root.pem();
                default -> root.pem();
              };
          return new PodCommandRunner.Result(0, out, "");
        };
    ProbeIdentity p =
        PodIdentity.pull(
            runner,
            "legacy",
            "inventory-1",
            "istio-proxy",
            InPodProbe.IdentityFiles.ISTIO_LEGACY,
            Duration.ofSeconds(5));
    assertEquals(
        List.of(
            List.of("cat", "/etc/certs/key.pem"),
            List.of("cat", "/etc/certs/cert-chain.pem"),
            List.of("cat", "/etc/certs/root-cert.pem")),
        ran);
    assertEquals(Optional.of(SLEEP), p.identity().orElseThrow().spiffeId());
    assertEquals(1, p.roots().size());
    assertTrue(p.description().startsWith("pulled from legacy/inventory-1 (istio-proxy)"));
  }

  @Test
  void pullNamesTheFileThatIsMissing() {
    PodCommandRunner runner =
        (ns, pod, container, command, timeout) ->
            new PodCommandRunner.Result(
                1, "", "cat: " + command.get(1) + ": No such file or directory");
    IdentityException e =
        assertThrows(
            IdentityException.class,
            () ->
                PodIdentity.pull(
                    runner,
                    "bookinfo",
                    "details-1",
                    "istio-proxy",
                    InPodProbe.IdentityFiles.ISTIO_LEGACY,
                    Duration.ofSeconds(5)));
    assertEquals(
        "bookinfo/details-1 (istio-proxy):/etc/certs/key.pem could not be read: cat:"
            + " /etc/certs/key.pem: No such file or directory",
        e.getMessage());
  }

  @Test
  void identityNeverShowsItsKey() throws Exception {
    ClientIdentity id = PemIdentities.identity(b(leaf.pem()), "cert", b(leaf.keyPem()), "key");
    assertTrue(id.toString().contains("key=[redacted]"));
    assertTrue(!id.toString().contains(id.privateKey().toString()));
  }
}
