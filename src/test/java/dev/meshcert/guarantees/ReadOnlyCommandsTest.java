package dev.meshcert.guarantees;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.ReadCommand;
import dev.meshcert.kube.ReadOnlyCommands;
import dev.meshcert.probe.Experiment;
import dev.meshcert.probe.InPodProbe;
import dev.meshcert.probe.ProbeTarget;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The one list of read-only commands ({@code kube.ReadOnlyCommands}) holds every command the pulls
 * and the probe build, and nothing that writes, runs a shell or reads another file.
 */
class ReadOnlyCommandsTest {

  private static final ProbeTarget TARGET = ProbeTarget.of("details.bookinfo", 9080);

  @Test
  void everyCommandOfTheCertificatePullsIsOnTheList() {
    assertTrue(ReadOnlyCommands.allows(ReadCommand.pilotAgentSecrets().argv()));
    for (String dir : ReadCommand.DIRECTORIES) {
      assertTrue(ReadOnlyCommands.allows(ReadCommand.list(dir).argv()), dir);
      assertTrue(ReadOnlyCommands.allows(ReadCommand.privateKey(dir).argv()), dir);
      for (String file : ReadCommand.CERTIFICATE_FILES) {
        assertTrue(ReadOnlyCommands.allows(ReadCommand.certificateFile(dir, file).argv()), file);
      }
    }
  }

  @Test
  void everyCommandOfTheProbeIsOnTheList() {
    for (InPodProbe.Tool tool : InPodProbe.Tool.values()) {
      for (Experiment e : Experiment.values()) {
        for (Optional<InPodProbe.IdentityFiles> files :
            List.of(
                Optional.<InPodProbe.IdentityFiles>empty(),
                Optional.of(InPodProbe.IdentityFiles.ISTIO_LEGACY))) {
          List<String> argv = InPodProbe.command(tool, e, TARGET, files);
          assertTrue(ReadOnlyCommands.allows(argv), argv.toString());
        }
      }
    }
    assertTrue(ReadOnlyCommands.allows(InPodProbe.meshCommand(TARGET)));
    InPodProbe.IdentityFiles f = InPodProbe.IdentityFiles.ISTIO_LEGACY;
    for (String file : List.of(f.key(), f.certChain(), f.root())) {
      assertTrue(ReadOnlyCommands.allows(List.of("cat", file)), file);
    }
  }

  @Test
  void aShellIsNotOnTheList() {
    assertFalse(ReadOnlyCommands.allows(List.of("sh", "-c", "cat /etc/certs/key.pem")));
  }

  @Test
  void curlWritingAFileOrSendingABodyIsNotOnTheList() {
    assertFalse(ReadOnlyCommands.allows(List.of("curl", "-o", "/tmp/x", "http://a/")));
    assertFalse(ReadOnlyCommands.allows(List.of("curl", "-X", "POST", "-d", "x", "http://a/")));
  }

  @Test
  void catOfAnotherFileIsNotOnTheList() {
    assertFalse(ReadOnlyCommands.allows(List.of("cat", "/etc/shadow")));
    assertFalse(ReadOnlyCommands.allows(List.of("cat", "/etc/certs/../../etc/shadow/key.pem")));
  }

  @Test
  void opensslOtherThanSClientIsNotOnTheList() {
    assertFalse(ReadOnlyCommands.allows(List.of("openssl", "req", "-new")));
  }
}
