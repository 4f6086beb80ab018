package dev.meshcert.kube.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterSession;
import dev.meshcert.testpki.TestPki;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The legacy files of the walkthrough (Istio 1.4: {@code ls /etc/certs}, then {@code cat}), read
 * over exec from the mock with the real sample files of the corpus, when neither Envoy's admin nor
 * pilot-agent answers.
 */
class CertificateFilesPullTest {

  private static final String POD = "foo/foo-v1-5b6d4f8c7-q2w3e";
  private MockMesh mesh;
  private final List<List<String>> commands = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    mesh = new MockMesh();
    mesh.seed(
        c -> {
          c.namespaces().resource(Pods.namespace("foo")).create();
          c.pods()
              .inNamespace("foo")
              .resource(Pods.istioSidecar("foo", "foo-v1-5b6d4f8c7-q2w3e", "foo"))
              .create();
        });
  }

  @AfterEach
  void stop() {
    mesh.close();
  }

  private void files(String directory, Map<String, byte[]> files) {
    mesh.exec(
        (ref, container, argv) -> {
          commands.add(argv);
          if (argv.get(0).equals("pilot-agent")) {
            return Optional.of(
                MockMesh.ExecReply.fails(
                    "exec: \"pilot-agent\": executable file not found in $PATH", 127));
          }
          if (argv.get(0).equals("ls")) {
            return Optional.of(
                argv.get(2).equals(directory)
                    ? MockMesh.ExecReply.ok(
                        String.join("\n", files.keySet()).getBytes(StandardCharsets.UTF_8))
                    : MockMesh.ExecReply.fails(
                        "ls: " + argv.get(2) + ": No such file or directory", 2));
          }
          String path = argv.get(1);
          String name = path.substring(path.lastIndexOf('/') + 1);
          return Optional.of(
              files.containsKey(name) && path.startsWith(directory + "/")
                  ? MockMesh.ExecReply.ok(files.get(name))
                  : MockMesh.ExecReply.fails("cat: " + path + ": No such file or directory", 1));
        });
  }

  private PodPull pull() throws Exception {
    try (ClusterSession session = mesh.session(Duration.ofSeconds(5))) {
      return new MeshCertificateScanner(TestPki.CLOCK)
          .scan(
              session,
              new ScanTarget.Pod("foo", "foo-v1-5b6d4f8c7-q2w3e"),
              ScanOptions.defaults(TestPki.CLOCK),
              ScanListener.none(),
              Cancellation.none())
          .pod(POD)
          .orElseThrow();
    }
  }

  private static Map<String, byte[]> sampleFiles(String key) {
    return new java.util.TreeMap<>(
        Map.of(
            "cert-chain.pem", Corpus.bytes(Corpus.FOO_CHAIN),
            "root-cert.pem", Corpus.bytes(Corpus.SAMPLE_ROOT),
            "key.pem", Corpus.bytes(key)));
  }

  @Test
  void legacyEtcCertsAreListedThenRead() throws Exception {
    files("/etc/certs", sampleFiles(Corpus.FOO_KEY));

    PodPull pull = pull();

    assertEquals(PullStatus.PULLED, pull.status(), pull.reason().orElse(""));
    PulledChain chain = pull.pulled().orElseThrow();
    assertEquals("files istio-proxy:/etc/certs", chain.source());
    assertEquals(2, chain.chain().size());
    assertEquals(1, chain.roots().size());
    assertEquals(
        Optional.of("spiffe://trust-domain-foo/ns/foo/sa/foo"),
        chain.leaf().orElseThrow().spiffeUri());
    assertTrue(commands.contains(List.of("ls", "-1", "/etc/certs")), commands.toString());
    assertTrue(commands.contains(List.of("cat", "/etc/certs/cert-chain.pem")));
    assertTrue(commands.contains(List.of("cat", "/etc/certs/root-cert.pem")));
  }

  @Test
  void keyIsCheckedAgainstTheLeafAndNotKept() throws Exception {
    files("/etc/certs", sampleFiles(Corpus.FOO_KEY));

    PodPull pull = pull();

    assertEquals(Optional.of(true), pull.pulled().orElseThrow().keyMatchesLeaf());
    assertFalse(pull.toString().contains("PRIVATE KEY"));
    assertFalse(pull.pulled().orElseThrow().notes().stream().anyMatch(n -> n.contains("PRIVATE")));
  }

  @Test
  void keyOfAnotherCertificateIsReported() throws Exception {
    files("/etc/certs", sampleFiles("istio/samples/certs/ca-key.pem"));

    PodPull pull = pull();

    assertEquals(Optional.of(false), pull.pulled().orElseThrow().keyMatchesLeaf());
    assertTrue(
        pull.attempts().get(pull.attempts().size() - 1).detail().contains("KEY DOES NOT MATCH"));
  }

  @Test
  void spiffeCredentialsDirectoryIsTriedAfterEtcCerts() throws Exception {
    files("/var/run/secrets/workload-spiffe-credentials", sampleFiles(Corpus.FOO_KEY));

    PodPull pull = pull();

    assertEquals(PullStatus.PULLED, pull.status(), pull.reason().orElse(""));
    assertEquals(
        "files istio-proxy:/var/run/secrets/workload-spiffe-credentials",
        pull.pulled().orElseThrow().source());
    List<String> tried =
        pull.attempts().stream().map(a -> a.strategy() + " -> " + a.detail()).toList();
    assertEquals(4, tried.size(), tried.toString());
    assertTrue(
        tried
            .get(2)
            .contains("/etc/certs cannot be listed: ls: /etc/certs: No such file or directory"),
        tried.get(2));
  }
}
