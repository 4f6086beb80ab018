package dev.meshcert.kube.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real shell scripts as plugins. */
class ExecCredentialPluginTest {

  @TempDir Path dir;

  private static final KubeCluster CLUSTER =
      new KubeCluster(
          "c",
          "https://api.example:6443",
          Optional.empty(),
          Optional.empty(),
          false,
          Optional.empty(),
          Path.of("config"));

  private ExecConfig script(String body, Optional<String> hint) throws IOException {
    Path p = dir.resolve("plugin.sh");
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    return new ExecConfig(
        p.toString(),
        List.of(),
        Map.of("GREETING", "hi"),
        "client.authentication.k8s.io/v1",
        hint,
        true);
  }

  @Test
  void tokenAndExpiryAreRead() throws Exception {
    ExecConfig c =
        script(
            "echo '{\"kind\":\"ExecCredential\",\"status\":{\"token\":\"t0k\","
                + "\"expirationTimestamp\":\"2026-12-04T01:00:00Z\"}}'",
            Optional.empty());
    ExecCredential cred = ExecCredentialPlugin.run(c, CLUSTER, Duration.ofSeconds(10));
    assertEquals("t0k", cred.token().orElseThrow().value());
    assertEquals(Optional.of(Instant.parse("2026-12-04T01:00:00Z")), cred.expiry());
  }

  @Test
  void pluginSeesItsEnvAndTheExecInfo() throws Exception {
    ExecConfig c =
        script(
            "printf '{\"status\":{\"token\":\"%s|%s\"}}' \"$GREETING\""
                + " \"$(echo $KUBERNETES_EXEC_INFO | tr -d '\"')\"",
            Optional.empty());
    String token =
        ExecCredentialPlugin.run(c, CLUSTER, Duration.ofSeconds(10)).token().orElseThrow().value();
    assertTrue(token.startsWith("hi|"), token);
    assertTrue(token.contains("server:https://api.example:6443"), token);
    assertTrue(token.contains("interactive:false"), token);
  }

  @Test
  void missingProgramIsNamedWithItsInstallHint() {
    ExecConfig c =
        new ExecConfig(
            "no-such-plugin-meshcert",
            List.of(),
            Map.of(),
            "client.authentication.k8s.io/v1",
            Optional.of("Install it with: brew install no-such-plugin"),
            false);
    ExecCredentialException e =
        assertThrows(
            ExecCredentialException.class,
            () -> ExecCredentialPlugin.run(c, CLUSTER, Duration.ofSeconds(5)));
    assertEquals(ExecCredentialException.Kind.MISSING, e.kind());
    assertTrue(e.getMessage().contains("\"no-such-plugin-meshcert\""), e.getMessage());
    assertTrue(e.getMessage().contains("brew install"), e.getMessage());
  }

  @Test
  void failingPluginReportsItsStderr() throws Exception {
    ExecConfig c = script("echo 'token expired, run aws sso login' >&2; exit 3", Optional.empty());
    ExecCredentialException e =
        assertThrows(
            ExecCredentialException.class,
            () -> ExecCredentialPlugin.run(c, CLUSTER, Duration.ofSeconds(10)));
    assertEquals(ExecCredentialException.Kind.FAILED, e.kind());
    assertTrue(e.getMessage().contains("exit code 3: token expired"), e.getMessage());
  }

  @Test
  void aTokenInTheStderrOfAFailingPluginIsMasked() throws Exception {
    String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwbGFudGVkLW1hcmtlciJ9.c2lnbmF0dXJlUGxhbnRlZA";
    String field = "PLANTED-token-marker-4f1d9c";
    String bearer = "PLANTED-bearer-marker-77aa01";
    ExecConfig c =
        script(
            "echo 'refresh failed for id token "
                + jwt
                + "' >&2; echo 'cached token: "
                + field
                + "' >&2; echo 'header Authorization: Bearer "
                + bearer
                + "' >&2; exit 1",
            Optional.empty());
    ExecCredentialException e =
        assertThrows(
            ExecCredentialException.class,
            () -> ExecCredentialPlugin.run(c, CLUSTER, Duration.ofSeconds(10)));
    for (String planted : List.of(jwt, field, bearer)) {
      assertFalse(e.getMessage().contains(planted), e.getMessage());
    }
    assertTrue(e.getMessage().contains("refresh failed for id token"), e.getMessage());
  }

  @Test
  void hangingPluginIsKilledAfterTheTimeout() throws Exception {
    ExecConfig c = script("sleep 30", Optional.empty());
    ExecCredentialException e =
        assertThrows(
            ExecCredentialException.class,
            () -> ExecCredentialPlugin.run(c, CLUSTER, Duration.ofMillis(300)));
    assertEquals(ExecCredentialException.Kind.TIMEOUT, e.kind());
  }

  @Test
  void outputWithoutStatusIsBadOutput() throws Exception {
    ExecConfig c = script("echo '{\"kind\":\"ExecCredential\"}'", Optional.empty());
    ExecCredentialException e =
        assertThrows(
            ExecCredentialException.class,
            () -> ExecCredentialPlugin.run(c, CLUSTER, Duration.ofSeconds(10)));
    assertEquals(ExecCredentialException.Kind.BAD_OUTPUT, e.kind());
  }

  @Test
  void expiryIsComparedToNow() {
    ExecCredential c =
        new ExecCredential(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(Instant.parse("2026-12-04T00:00:00Z")));
    assertTrue(c.isExpiredAt(Instant.parse("2026-12-04T00:00:00Z")));
  }
}
