package dev.meshcert.app;

import dev.meshcert.core.chain.SignatureVerifier;
import dev.meshcert.core.expiry.ExpiryPolicy;
import dev.meshcert.core.read.InputReader;
import dev.meshcert.kube.ClusterConnector;
import dev.meshcert.kube.pull.MeshCertificateScanner;
import dev.meshcert.kube.pull.SnapshotFiles;
import dev.meshcert.mesh.MeshReaders;
import dev.meshcert.probe.StreamHandshake;
import dev.meshcert.ui.cluster.ClusterViewModel;
import dev.meshcert.ui.cluster.WorkloadAction;
import dev.meshcert.ui.common.DialogService;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.Redactor;
import dev.meshcert.ui.common.TaskRunner;
import dev.meshcert.ui.mesh.CertificateOpener;
import dev.meshcert.ui.mesh.DumpFiles;
import dev.meshcert.ui.mesh.FxSnapshotChooser;
import dev.meshcert.ui.mesh.MeshScreen;
import dev.meshcert.ui.mesh.MeshView;
import dev.meshcert.ui.mesh.MeshViewModel;
import dev.meshcert.ui.mesh.ScanViewModel;
import dev.meshcert.ui.mesh.SnapshotViewModel;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * Builds the Mesh screen with its services (dump files, kube.pull's scanner and snapshot files) and
 * plugs "Pull certificates" into the Cluster screen's workload menu. Part of the composition root;
 * use on the FX thread.
 */
final class MeshComposition {

  private MeshComposition() {}

  /**
   * @param opener opens certificates in the Inspect screen
   * @param showMesh brings the Mesh tab to the front
   */
  static MeshScreen build(
      Clock clock,
      TaskRunner runner,
      DialogService dialogs,
      Messages messages,
      Redactor redactor,
      ClusterConnector connector,
      ClusterViewModel cluster,
      Supplier<Optional<Window>> owner,
      CertificateOpener opener,
      Consumer<MeshScreen> showMesh) {
    SnapshotFiles snapshotFiles = new SnapshotFiles(clock, "meshcert");
    MeshViewModel model =
        new MeshViewModel(
            new DumpFiles(
                new InputReader(MeshReaders.all())::read, clock, Optional.of(snapshotFiles)),
            runner,
            dialogs,
            opener,
            new SignatureVerifier(),
            ExpiryPolicy.DEFAULT,
            messages,
            clock);
    ScanViewModel scan =
        new ScanViewModel(
            model,
            new MeshCertificateScanner(clock, new StreamHandshake()),
            cluster::connection,
            connector::demo,
            messages,
            clock);
    SnapshotViewModel snapshots =
        new SnapshotViewModel(
            model,
            snapshotFiles,
            new FxSnapshotChooser(
                owner,
                messages.get("mesh.snapshot.filter"),
                messages.get("mesh.snapshot.filterAll")),
            runner,
            messages,
            clock,
            "meshcert");
    // "Scan" goes to the cluster the Cluster screen shows: name it whenever that changes.
    cluster.contextProperty().addListener((o, was, now) -> scan.follow());
    cluster.busyProperty().addListener((o, was, now) -> scan.follow());
    MeshScreen screen =
        new MeshScreen(
            model,
            new MeshView(model, Optional.of(scan), messages, redactor),
            Optional.of(snapshots),
            messages);
    cluster.addWorkloadAction(
        WorkloadAction.always(
            messages.get("mesh.action.pull"),
            s -> {
              scan.scanPods(
                  s.connection(),
                  s.snapshot(),
                  s.workloads().stream().map(w -> w.pod().ref()).toList());
              showMesh.accept(screen);
            }));
    return screen;
  }
}
