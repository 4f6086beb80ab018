package dev.meshcert.ui.mesh;

import dev.meshcert.core.chain.SignatureVerifier;
import dev.meshcert.core.expiry.ExpiryPolicy;
import dev.meshcert.core.read.InputReader;
import dev.meshcert.kube.pull.SnapshotService;
import dev.meshcert.mesh.MeshReaders;
import dev.meshcert.mesh.envoy.EnvoyDumps;
import dev.meshcert.mesh.trust.RotationFixture;
import dev.meshcert.testpki.TestPki;
import dev.meshcert.ui.common.DialogService;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.Problem;
import dev.meshcert.ui.common.SyncTaskRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Mesh view model wired to a synchronous runner, recording dialogs and opened certificates, with
 * config_dumps of a mesh in the middle of a root rotation written to a folder.
 */
final class MeshFixture {

  static final Messages MESSAGES = Messages.load(Locale.ROOT);

  final RotationFixture pki = new RotationFixture();
  final SyncTaskRunner runner;
  final List<Problem> problems = new ArrayList<>();
  final List<String> opened = new ArrayList<>();
  final List<String> openedPem = new ArrayList<>();
  List<Path> filesToChoose = List.of();
  final MeshViewModel model;

  MeshFixture() {
    this(SyncTaskRunner.immediate());
  }

  MeshFixture(SyncTaskRunner runner) {
    this(runner, Optional.empty());
  }

  /** With {@code imports}, opened dumps are imported as snapshot contexts too (savable). */
  MeshFixture(SyncTaskRunner runner, Optional<SnapshotService> imports) {
    this.runner = runner;
    this.model =
        new MeshViewModel(
            new DumpFiles(new InputReader(MeshReaders.all())::read, TestPki.CLOCK, imports),
            runner,
            dialogs(),
            (name, pem) -> {
              opened.add(name);
              openedPem.add(pem);
            },
            new SignatureVerifier(),
            ExpiryPolicy.DEFAULT,
            MESSAGES,
            TestPki.CLOCK);
  }

  /**
   * Writes a config_dump per workload: {@code a} and {@code b} on the new root holding both roots,
   * {@code late} still on the old root holding only the old one.
   */
  List<Path> rotationDumps(Path dir) throws IOException {
    String both = pki.newRoot.pem() + pki.oldRoot.pem();
    return List.of(
        dump(dir, "a", pki.newRoot, both),
        dump(dir, "b", pki.newRoot, both),
        dump(dir, "late", pki.oldRoot, pki.oldRoot.pem()));
  }

  Path dump(Path dir, String name, TestPki.Issued root, String bundle) throws IOException {
    String leaf =
        pki.pki.leaf(root).uriSan("spiffe://cluster.local/ns/default/sa/" + name).issue().pem();
    Path file = dir.resolve(name + ".json");
    Files.write(
        file,
        EnvoyDumps.json(
            EnvoyDumps.activeSecrets(
                EnvoyDumps.tlsSecret("default", leaf + root.pem()),
                EnvoyDumps.caSecret("ROOTCA", bundle))));
    return file;
  }

  static Path text(Path dir, String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  List<TrustRow> rows() {
    return model.rowsProperty().get();
  }

  TrustRow workloadRow(String name) {
    return rows().stream()
        .flatMap(g -> g.children().stream())
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private DialogService dialogs() {
    return new DialogService() {
      @Override
      public void showProblem(Problem problem) {
        problems.add(problem);
      }

      @Override
      public Optional<char[]> askPassword(String sourceName, int attempt) {
        return Optional.empty();
      }

      @Override
      public List<Path> chooseFiles() {
        return filesToChoose;
      }

      @Override
      public Optional<Path> chooseFolder() {
        return Optional.empty();
      }
    };
  }

  /**
   * A snapshot view model over this fixture's mesh model and runner, whose file chooser answers
   * with what {@code save} and {@code open} give at the time.
   */
  SnapshotViewModel snapshots(
      SnapshotService store,
      java.util.function.Supplier<Optional<Path>> save,
      java.util.function.Supplier<Optional<Path>> open) {
    return new SnapshotViewModel(
        model,
        store,
        new SnapshotChooser() {
          @Override
          public Optional<Path> chooseSave(String name) {
            return save.get();
          }

          @Override
          public Optional<Path> chooseOpen() {
            return open.get();
          }
        },
        runner,
        MESSAGES,
        TestPki.CLOCK,
        "meshcert test");
  }
}
