package dev.meshcert.kube.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigLoaderTest {

  @TempDir Path dir;

  private Path write(String name, String yaml) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, yaml);
    return p;
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static final String FIRST =
      """
      apiVersion: v1
      kind: Config
      current-context: dev
      clusters:
      - name: shared
        cluster: {server: https://first.example:6443, certificate-authority: certs/ca.crt}
      users:
      - name: alice
        user: {token: first-token}
      contexts:
      - name: dev
        context: {cluster: shared, user: alice, namespace: bookinfo}
      """;

  private static final String SECOND =
      """
      apiVersion: v1
      kind: Config
      current-context: prod
      clusters:
      - name: shared
        cluster: {server: https://second.example:6443}
      - name: prod
        cluster: {server: https://prod.example:6443, insecure-skip-tls-verify: true}
      users:
      - name: alice
        user: {token: second-token}
      contexts:
      - name: dev
        context: {cluster: prod, user: alice}
      - name: prod
        context: {cluster: prod, user: alice}
      """;

  @Test
  void defaultFileIsHomeDotKubeConfig() {
    assertEquals(
        List.of(dir.resolve(".kube").resolve("config")), KubeconfigLoader.files(Map.of(), dir));
  }

  @Test
  void kubeconfigVariableListsFilesInOrder() {
    String list = dir.resolve("a") + File.pathSeparator + File.pathSeparator + dir.resolve("b");
    assertEquals(
        List.of(dir.resolve("a"), dir.resolve("b")),
        KubeconfigLoader.files(Map.of("KUBECONFIG", list), dir));
  }

  @Test
  void firstFileToDefineANameWins() throws IOException {
    Kubeconfig k = KubeconfigLoader.load(List.of(write("one", FIRST), write("two", SECOND)));
    assertEquals("https://first.example:6443", k.clusters().get("shared").server());
    assertEquals("first-token", k.users().get("alice").token().orElseThrow().value());
    assertEquals("shared", k.context("dev").orElseThrow().cluster());
    assertEquals(List.of("dev", "prod"), k.contextNames());
  }

  @Test
  void firstCurrentContextWins() throws IOException {
    Kubeconfig k = KubeconfigLoader.load(List.of(write("one", FIRST), write("two", SECOND)));
    assertEquals(Optional.of("dev"), k.currentContext());
  }

  @Test
  void missingFileInTheListIsSkippedSilently() throws IOException {
    Kubeconfig k = KubeconfigLoader.load(List.of(dir.resolve("absent"), write("two", SECOND)));
    assertEquals(Optional.of("prod"), k.currentContext());
    assertEquals(List.of(), k.problems());
  }

  @Test
  void brokenFileIsAProblemAndTheOthersStillLoad() throws IOException {
    Kubeconfig k =
        KubeconfigLoader.load(List.of(write("bad", "clusters: [unclosed\n"), write("two", SECOND)));
    assertEquals(List.of("dev", "prod"), k.contextNames());
    assertTrue(k.problems().get(0).contains("not valid YAML"), k.problems().toString());
  }

  @Test
  void relativePathsResolveAgainstTheirOwnFile() throws IOException {
    Kubeconfig k = KubeconfigLoader.load(List.of(write("sub/one", FIRST)));
    assertEquals(
        Optional.of(dir.resolve("sub/certs/ca.crt")),
        k.clusters().get("shared").certificateAuthorityFile());
  }

  @Test
  void contextNamespaceIsKept() throws IOException {
    Kubeconfig k = KubeconfigLoader.load(List.of(write("one", FIRST)));
    assertEquals(Optional.of("bookinfo"), k.context("dev").orElseThrow().namespace());
  }

  @Test
  void inlineDataIsDecoded() throws IOException {
    Kubeconfig k =
        KubeconfigLoader.load(
            List.of(
                write(
                    "inline",
                    """
                    clusters:
                    - name: c
                      cluster: {server: https://x, certificate-authority-data: %s}
                    users:
                    - name: u
                      user: {client-certificate-data: %s, client-key-data: %s}
                    """
                        .formatted(b64("CA PEM"), b64("CERT PEM"), b64("KEY PEM")))));
    assertEquals(Optional.of("CA PEM"), k.clusters().get("c").certificateAuthorityPem());
    assertEquals(Optional.of("CERT PEM"), k.users().get("u").clientCertificatePem());
    assertEquals("KEY PEM", k.users().get("u").clientKeyPem().orElseThrow().value());
  }

  @Test
  void credentialsAreRedactedWhenPrinted() throws IOException {
    Kubeconfig k = KubeconfigLoader.load(List.of(write("one", FIRST)));
    assertFalse(k.users().get("alice").toString().contains("first-token"));
  }

  @Test
  void execPluginWithRelativePathResolvesAgainstTheFile() throws IOException {
    Kubeconfig k =
        KubeconfigLoader.load(
            List.of(
                write(
                    "cfg/exec",
                    """
                    users:
                    - name: eks
                      user:
                        exec:
                          apiVersion: client.authentication.k8s.io/v1beta1
                          command: ./bin/get-token
                          args: [--cluster, prod]
                          env: [{name: AWS_PROFILE, value: prod}]
                          installHint: install the AWS CLI
                    - name: gke
                      user:
                        exec: {command: gke-gcloud-auth-plugin}
                    """)));
    ExecConfig eks = k.users().get("eks").exec().orElseThrow();
    assertEquals(dir.resolve("cfg/bin/get-token").toString(), eks.command());
    assertEquals(List.of("--cluster", "prod"), eks.args());
    assertEquals(Map.of("AWS_PROFILE", "prod"), eks.env());
    assertEquals(Optional.of("install the AWS CLI"), eks.installHint());
    assertEquals("gke-gcloud-auth-plugin", k.users().get("gke").exec().orElseThrow().command());
  }

  @Test
  void resolveWarnsAboutInsecureSkipTlsVerify() throws IOException, KubeconfigException {
    ResolvedContext r = KubeconfigLoader.load(List.of(write("two", SECOND))).resolve("prod");
    assertEquals(1, r.warnings().size());
    assertTrue(r.warnings().get(0).contains("insecure-skip-tls-verify"));
  }

  @Test
  void resolveOfAnUnknownContextFails() throws IOException {
    Kubeconfig k = KubeconfigLoader.load(List.of(write("two", SECOND)));
    KubeconfigException e = assertThrows(KubeconfigException.class, () -> k.resolve("staging"));
    assertTrue(e.getMessage().contains("\"staging\""));
  }

  @Test
  void resolveOfAContextWithAnUndefinedClusterFails() throws IOException {
    Kubeconfig k =
        KubeconfigLoader.load(
            List.of(write("x", "contexts:\n- name: c\n  context: {cluster: nowhere, user: u}\n")));
    KubeconfigException e = assertThrows(KubeconfigException.class, () -> k.resolve("c"));
    assertTrue(e.getMessage().contains("\"nowhere\""));
  }

  @Test
  void removedAuthProviderIsAWarning() throws IOException, KubeconfigException {
    Kubeconfig k =
        KubeconfigLoader.load(
            List.of(
                write(
                    "gcp",
                    """
                    clusters: [{name: c, cluster: {server: "https://x"}}]
                    users: [{name: u, user: {auth-provider: {name: gcp}}}]
                    contexts: [{name: c, context: {cluster: c, user: u}}]
                    """)));
    assertTrue(k.resolve("c").warnings().get(0).contains("auth-provider \"gcp\""));
  }
}
