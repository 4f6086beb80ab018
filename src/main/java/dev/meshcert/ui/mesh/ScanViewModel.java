package dev.meshcert.ui.mesh;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.pull.CertificateScanService;
import dev.meshcert.kube.pull.PodPull;
import dev.meshcert.kube.pull.ScanListener;
import dev.meshcert.kube.pull.ScanOptions;
import dev.meshcert.kube.pull.ScanResult;
import dev.meshcert.kube.pull.ScanTarget;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.ProgressReporter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Mesh screen's scan controls: what to scan (a pod "ns/name", a namespace, or everything), how
 * many pods at once, on which cluster (the one last handed over by the Cluster screen, else the
 * demo mesh); progress "n of m: pod"; cancel keeps the partial result. Use on the FX thread.
 */
public final class ScanViewModel {

  /** Pods pulled at once unless the user says otherwise. */
  public static final int DEFAULT_PARALLELISM = 16;

  private final MeshViewModel mesh;
  private final CertificateScanService scans;
  private final Supplier<ClusterConnection> demo;
  private final Supplier<Optional<ClusterConnection>> shown;
  private final Messages messages;
  private final Clock clock;
  private final StringProperty target = new SimpleStringProperty("");
  private final IntegerProperty parallelism = new SimpleIntegerProperty(DEFAULT_PARALLELISM);
  private final ReadOnlyStringWrapper clusterName = new ReadOnlyStringWrapper("");
  private Optional<ClusterConnection> cluster = Optional.empty();
  private Cancellation cancellation = Cancellation.none();

  /**
   * Scans that go to the clusters handed over, else the demo mesh.
   *
   * @param demo makes the demo mesh, for scans with no cluster handed over
   */
  public ScanViewModel(
      MeshViewModel mesh,
      CertificateScanService scans,
      Supplier<ClusterConnection> demo,
      Messages messages,
      Clock clock) {
    this(mesh, scans, Optional::empty, demo, messages, clock);
  }

  /**
   * @param shown the cluster the Cluster screen shows, if any: scans go there first, then to the
   *     cluster last handed over, then to the demo mesh
   * @param demo makes the demo mesh, for scans with no other cluster
   */
  public ScanViewModel(
      MeshViewModel mesh,
      CertificateScanService scans,
      Supplier<Optional<ClusterConnection>> shown,
      Supplier<ClusterConnection> demo,
      Messages messages,
      Clock clock) {
    this.mesh = mesh;
    this.scans = scans;
    this.shown = shown;
    this.demo = demo;
    this.messages = messages;
    this.clock = clock;
    clusterName.set(messages.get("mesh.scan.demo"));
  }

  /** What to scan: "ns/pod", "ns", or empty for every namespace. */
  public StringProperty targetProperty() {
    return target;
  }

  /** How many pods are pulled at once (1 to 64). */
  public IntegerProperty parallelismProperty() {
    return parallelism;
  }

  /** The cluster scans go to. */
  public ReadOnlyStringProperty clusterNameProperty() {
    return clusterName.getReadOnlyProperty();
  }

  /**
   * Scans the target on the cluster the Cluster screen shows, else the one last handed over, else
   * the demo mesh.
   */
  public void scan() {
    ClusterConnection c = target();
    name(c);
    ScanTarget t = ScanTarget.parse(Optional.of(target.get()));
    run(
        messages.get("mesh.task.scan", t.describe(), c.name()),
        (listener, cancel) -> scans.scan(c, t, options(), listener, cancel));
  }

  /** Scans the whole demo mesh. */
  public void scanDemo() {
    ClusterConnection c = demoCluster();
    run(
        messages.get("mesh.task.scan", new ScanTarget.All().describe(), c.name()),
        (listener, cancel) -> scans.scan(c, new ScanTarget.All(), options(), listener, cancel));
  }

  /**
   * Pulls the pods {@code podRefs} of a cluster the Cluster screen holds, and makes it the cluster
   * later scans go to.
   */
  public void scanPods(ClusterConnection c, MeshSnapshot snapshot, List<String> podRefs) {
    use(c);
    run(
        messages.get("mesh.task.scan", describe(podRefs), c.name()),
        (listener, cancel) -> scans.scan(c, snapshot, podRefs, options(), listener, cancel));
  }

  /** Names the cluster the next scan goes to; call when the Cluster screen shows another. */
  public void follow() {
    shown
        .get()
        .or(() -> cluster)
        .ifPresentOrElse(this::name, () -> clusterName.set(messages.get("mesh.scan.demo")));
  }

  /** The shown cluster is not kept: the Cluster screen may close it. */
  private ClusterConnection target() {
    return shown.get().or(() -> cluster).orElseGet(this::demoCluster);
  }

  private void use(ClusterConnection c) {
    cluster = Optional.of(c);
    name(c);
  }

  private void name(ClusterConnection c) {
    clusterName.set(c.isDemo() ? messages.get("mesh.scan.demo") : c.name());
  }

  private ClusterConnection demoCluster() {
    ClusterConnection c = demo.get();
    use(c);
    return c;
  }

  private ScanOptions options() {
    int n = Math.max(1, Math.min(64, parallelism.get()));
    return ScanOptions.defaults(clock).withParallelism(n);
  }

  private String describe(List<String> refs) {
    return refs.size() == 1 ? refs.get(0) : messages.get("mesh.scan.pods", refs.size());
  }

  @FunctionalInterface
  private interface Scan {
    ScanResult run(ScanListener listener, Cancellation cancel) throws Exception;
  }

  private void run(String title, Scan scan) {
    cancellation.cancel();
    Cancellation mine = new Cancellation();
    cancellation = mine;
    mesh.start(
        title,
        progress -> {
          ScanResult result = scan.run(listener(progress, mine), mine);
          return mesh.analyse(ScanResults.of(result));
        },
        mine::cancel);
  }

  private ScanListener listener(ProgressReporter progress, Cancellation cancel) {
    return new ScanListener() {
      @Override
      public void started(int total) {
        progress.update(0, total, "");
      }

      @Override
      public void podStarted(String podRef, int done, int total) {
        check();
        progress.update(done, total, messages.get("mesh.scan.progress", done, total, podRef));
      }

      @Override
      public void podFinished(PodPull result, int done, int total) {
        check();
        progress.update(done, total, messages.get("mesh.scan.progress", done, total, result.ref()));
      }

      private void check() {
        if (progress.isCancelled()) {
          cancel.cancel();
        }
      }
    };
  }
}
