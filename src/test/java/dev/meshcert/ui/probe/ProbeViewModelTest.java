package dev.meshcert.ui.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.demo.DemoCluster;
import dev.meshcert.probe.Outcome;
import dev.meshcert.ui.common.ClipboardService;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.SyncTaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The panel's view model without a screen: the real service against the demo mesh. */
class ProbeViewModelTest {
  private static final Messages MESSAGES =
      new Messages(ResourceBundle.getBundle("dev.meshcert.ui.probe.probe", Locale.ROOT));
  private final DemoCluster demo = DemoCluster.create(Clock.systemUTC());
  private final DefaultProbeService service =
      new DefaultProbeService(Optional::empty, () -> demo, Clock.systemUTC());
  private final List<String> clipboard = new ArrayList<>();
  private final ClipboardService fakeClipboard =
      new ClipboardService() {
        @Override
        public void putText(String text) {
          clipboard.add(text);
        }

        @Override
        public Optional<String> text() {
          return clipboard.isEmpty()
              ? Optional.empty()
              : Optional.of(clipboard.get(clipboard.size() - 1));
        }

        @Override
        public List<Path> files() {
          return List.of();
        }
      };

  @AfterEach
  void close() {
    service.close();
    demo.close();
  }

  private ProbeViewModel model(SyncTaskRunner runner) {
    return new ProbeViewModel(service, runner, fakeClipboard, MESSAGES);
  }

  @Test
  void theDefaultFormProbesAStrictDemoWorkloadWithTheSourcePodsIdentity() {
    ProbeViewModel m = model(SyncTaskRunner.immediate());
    m.run();
    assertEquals(
        List.of(
            Outcome.PLAIN_TEXT_REFUSED,
            Outcome.CLIENT_CERTIFICATE_REQUIRED,
            Outcome.MUTUAL_TLS_ESTABLISHED),
        m.rows().stream().map(ResultRow::outcome).toList(),
        m.statusProperty().get());
    assertEquals(
        "mTLS enforced: plain text refused, a client certificate required",
        m.verdictProperty().get());
    assertFalse(m.runningProperty().get());
  }

  @Test
  void theLastRowIsSelectedWithItsTranscriptAndCommand() {
    ProbeViewModel m = model(SyncTaskRunner.immediate());
    m.run();
    assertTrue(m.transcriptProperty().get().contains("* Identity: the demo identity of bookinfo/"));
    assertTrue(m.transcriptProperty().get().contains("* SSL connection using TLSv1.3"));
    assertTrue(m.reproduceProperty().get().startsWith("curl -v -k --key key.pem"));
  }

  @Test
  void copyButtonsPutTheTranscriptAndTheCommandOnTheClipboard() {
    ProbeViewModel m = model(SyncTaskRunner.immediate());
    m.run();
    m.copyTranscript();
    m.copyReproduce();
    assertEquals(List.of(m.transcriptProperty().get(), m.reproduceProperty().get()), clipboard);
  }

  @Test
  void aRequestThatCannotRunSaysWhyInTheStatus() {
    ProbeViewModel m = model(SyncTaskRunner.immediate());
    m.routeProperty().set(ProbeRequest.Route.PORT_FORWARD);
    m.run();
    assertTrue(
        m.statusProperty().get().startsWith("Probe could not run: open a cluster first"),
        m.statusProperty().get());
    assertTrue(m.rows().isEmpty());
  }

  @Test
  void theRouteNoteWarnsThatAPortForwardMayBypassTheSidecar() {
    ProbeViewModel m = model(SyncTaskRunner.immediate());
    assertEquals("", m.routeNoteProperty().get());
    m.routeProperty().set(ProbeRequest.Route.PORT_FORWARD);
    assertTrue(m.routeNoteProperty().get().contains("may bypass the sidecar"));
  }

  @Test
  void cancellingDropsTheResultAndSaysSo() {
    SyncTaskRunner runner = SyncTaskRunner.deferredWithLateCancel();
    ProbeViewModel m = model(runner);
    m.run();
    assertTrue(m.runningProperty().get());
    m.cancel();
    runner.runAll();
    assertTrue(m.rows().isEmpty());
    assertEquals("Probe cancelled", m.statusProperty().get());
    assertFalse(m.runningProperty().get());
  }

  @Test
  void aSecondRunDropsTheFirstRunsLateResult() {
    SyncTaskRunner runner = SyncTaskRunner.deferredWithLateCancel();
    AtomicInteger started = new AtomicInteger();
    ProbeService counting =
        request -> {
          int n = started.incrementAndGet();
          return new ProbeService.Running() {
            @Override
            public ProbeOutput await() {
              return new ProbeOutput(List.of(), "run " + n);
            }

            @Override
            public void cancel() {}
          };
        };
    ProbeViewModel m = new ProbeViewModel(counting, runner, fakeClipboard, MESSAGES);
    m.run();
    m.run();
    runner.runLatest(); // the second run's task answers first: "run 1"
    runner.runNext(); // the first run's task answers late: "run 2", to be dropped
    assertEquals("run 1", m.verdictProperty().get());
    assertEquals("Probe done: run 1", m.statusProperty().get());
  }

  @Test
  void thePermissivePortLevelExceptionIsReportedAsPermissive() {
    ProbeViewModel m = model(SyncTaskRunner.immediate());
    m.targetProperty().set("bookinfo/productpage-v1-6b746f74dc-9stvs:9080");
    m.run();
    assertEquals("permissive: plain text and mTLS both accepted", m.verdictProperty().get());
  }

  @Test
  void noEvidenceCardBeforeAResultIsShown() {
    ProbeViewModel m = model(SyncTaskRunner.immediate());
    assertTrue(m.evidence().isEmpty());
    assertTrue(m.report().isEmpty());
  }

  @Test
  void copyEvidencePutsTheSelectedResultsCardOnTheClipboardAsMarkdown() {
    ProbeViewModel m = model(SyncTaskRunner.immediate());
    m.run();
    m.copyEvidence();
    String md = clipboard.get(clipboard.size() - 1);
    assertTrue(
        md.startsWith("### \u2705 Probe " + ProbeViewModel.DEMO_TARGET + ": TLS with a workload"),
        md);
    assertTrue(md.contains("**mutual TLS established**"), md);
    assertTrue(md.contains("| Peer chain | spiffe://cluster.local/ns/bookinfo/sa/"), md);
    assertTrue(md.contains("```sh\ncurl -v -k --key key.pem"), md);
    assertTrue(md.contains("Transcript"), md);
  }

  @Test
  void theReportHasACardForEachExperimentOfTheRun() {
    ProbeViewModel m = model(SyncTaskRunner.immediate());
    m.run();
    assertEquals(3, m.report().orElseThrow().items().size());
  }
}
