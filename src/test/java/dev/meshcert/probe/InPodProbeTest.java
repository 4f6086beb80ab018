package dev.meshcert.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InPodProbeTest {
  private final ProbeTarget details = ProbeTarget.of("details", 9080);

  @Test
  void runsTheWalkthroughsCurlWithTheLegacyFiles() {
    List<String> c =
        InPodProbe.command(
            InPodProbe.Tool.CURL,
            Experiment.TLS_WITH_IDENTITY,
            details,
            Optional.of(InPodProbe.IdentityFiles.ISTIO_LEGACY));
    assertEquals(
        List.of(
            "curl",
            "-sS",
            "-v",
            "-o",
            "/dev/null",
            "--connect-timeout",
            "3",
            "--max-time",
            "8",
            "-k",
            "--key",
            "/etc/certs/key.pem",
            "--cert",
            "/etc/certs/cert-chain.pem",
            "--cacert",
            "/etc/certs/root-cert.pem",
            "https://details:9080/"),
        c);
  }

  @Test
  void plainHttpUsesNoTlsOptions() {
    List<String> c =
        InPodProbe.command(InPodProbe.Tool.CURL, Experiment.PLAIN_HTTP, details, Optional.empty());
    assertEquals("http://details:9080/", c.get(c.size() - 1));
    assertTrue(c.stream().noneMatch(a -> a.equals("-k")));
  }

  @Test
  void parsesWhatCurlPrintedInThePod() throws IOException {
    List<List<String>> ran = new ArrayList<>();
    PodCommandRunner runner =
        (ns, pod, container, command, timeout) -> {
          ran.add(command);
          return new PodCommandRunner.Result(56, "", resource("/probe/curl/tls-no-cert.txt"));
        };
    ProbeResult r =
        new InPodProbe(runner)
            .run(
                "bookinfo",
                "productpage-v1-abc",
                "istio-proxy",
                InPodProbe.Tool.CURL,
                Experiment.TLS_NO_CLIENT_CERT,
                details,
                Optional.empty());
    assertEquals(Outcome.CLIENT_CERTIFICATE_REQUIRED, r.outcome());
    assertEquals("curl", ran.get(0).get(0));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = InPodProbeTest.class.getResourceAsStream(name)) {
      String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return s.substring(0, s.lastIndexOf("exit="));
    }
  }
}
