package dev.meshcert.faults;

import dev.meshcert.kube.ClusterConnector;
import dev.meshcert.kube.MeshScanner;
import dev.meshcert.kube.MockApiFixtures;
import dev.meshcert.kube.SessionOptions;
import dev.meshcert.kube.config.KubeconfigLoader;
import dev.meshcert.testpki.TestPki;
import dev.meshcert.ui.cluster.ClusterScreen;
import dev.meshcert.ui.cluster.ClusterView;
import dev.meshcert.ui.cluster.ClusterViewModel;
import dev.meshcert.ui.cluster.ConnectorClusterService;
import dev.meshcert.ui.common.DialogService;
import dev.meshcert.ui.common.FxTaskRunner;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.Problem;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The Cluster screen wired as the application wires it (connector, scanner, view model, view, a
 * real task runner), on a kubeconfig whose only context points at a {@link FaultyApiServer}. {@link
 * #show()} puts the screen on the stage, which starts its first scan.
 */
public final class ClusterScreenRig implements AutoCloseable {

  public final FaultyApiServer api = new FaultyApiServer();

  /** The problems the screen showed, in order (instead of dialogs). */
  public final List<Problem> problems = new CopyOnWriteArrayList<>();

  private final DialogService dialogs =
      new DialogService() {
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
          return List.of();
        }

        @Override
        public Optional<Path> chooseFolder() {
          return Optional.empty();
        }
      };
  private final FxTaskRunner runner = new FxTaskRunner(2);
  private final ClusterConnector connector;
  private final ClusterScreen screen;
  private final Stage stage;

  /** Call on the FX thread (TestFX's {@code @Start}). */
  public ClusterScreenRig(Stage stage) throws IOException {
    this.stage = stage;
    Path kubeconfig = Files.createTempFile("rig", ".kubeconfig");
    kubeconfig.toFile().deleteOnExit();
    Files.writeString(kubeconfig, MockApiFixtures.kubeconfig("mock", api.url(), "rig-token"));
    connector =
        new ClusterConnector(
            () -> KubeconfigLoader.load(List.of(kubeconfig)),
            SessionOptions.defaults()
                .withRequestTimeout(Duration.ofSeconds(30))
                .withWatch(Duration.ofSeconds(5), Duration.ofMillis(200)),
            TestPki.CLOCK);
    Messages messages = ClusterScreen.messages(Locale.ROOT);
    ClusterViewModel model =
        new ClusterViewModel(
            new ConnectorClusterService(connector, new MeshScanner(TestPki.CLOCK)),
            runner,
            dialogs,
            Platform::runLater,
            fetched -> {},
            messages,
            TestPki.CLOCK);
    screen = new ClusterScreen(model, new ClusterView(model, messages), messages, false);
    stage.setScene(new Scene(new StackPane(), 1200, 800));
    stage.show();
  }

  /** Shows the screen, which starts reading the current context. Call on the FX thread. */
  public void show() {
    ((StackPane) stage.getScene().getRoot()).getChildren().setAll(screen.view());
  }

  public ClusterViewModel model() {
    return screen.model();
  }

  /** A PodList of {@code count} Istio sidecar pods over 25 namespaces. */
  public static MockResponse podList(int count) {
    StringBuilder b = new StringBuilder("{\"kind\":\"PodList\",\"apiVersion\":\"v1\",");
    b.append("\"metadata\":{\"resourceVersion\":\"100\"},\"items\":[");
    for (int i = 0; i < count; i++) {
      String app = "app-" + (i % 40);
      b.append(i == 0 ? "" : ",")
          .append("{\"metadata\":{\"name\":\"")
          .append(app)
          .append('-')
          .append(i)
          .append("\",\"namespace\":\"ns-")
          .append(i % 25)
          .append("\",\"uid\":\"u")
          .append(i)
          .append("\",\"resourceVersion\":\"")
          .append(i + 1)
          .append("\",\"labels\":{\"app\":\"")
          .append(app)
          .append(
              "\",\"security.istio.io/tlsMode\":\"istio\"}},\"spec\":{\"serviceAccountName\":\"")
          .append(app)
          .append("\",\"containers\":[{\"name\":\"app\",\"image\":\"example/app:1\",")
          .append("\"ports\":[{\"containerPort\":8080}]},{\"name\":\"istio-proxy\",")
          .append("\"image\":\"docker.io/istio/proxyv2:1.24.2\"}]},")
          .append("\"status\":{\"phase\":\"Running\",\"podIP\":\"10.0.")
          .append(i / 250)
          .append('.')
          .append(i % 250)
          .append("\"}}");
    }
    b.append("]}");
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "application/json")
        .setBody(b.toString());
  }

  /** Call on the FX thread. */
  @Override
  public void close() {
    screen.close();
    runner.close();
    connector.close();
    api.close();
  }
}
