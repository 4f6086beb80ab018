package dev.meshcert.fuzz;

import static dev.meshcert.fuzz.Targets.check;

import dev.meshcert.kube.KubeObjects;
import dev.meshcert.kube.config.ExecConfig;
import dev.meshcert.kube.config.ExecCredential;
import dev.meshcert.kube.config.ExecCredentialException;
import dev.meshcert.kube.config.ExecCredentialPlugin;
import dev.meshcert.kube.config.Kubeconfig;
import dev.meshcert.kube.config.KubeconfigException;
import dev.meshcert.kube.config.KubeconfigLoader;
import dev.meshcert.kube.pull.Snapshot;
import dev.meshcert.kube.pull.SnapshotFiles;
import dev.meshcert.mesh.detect.MeshConfig;
import dev.meshcert.mesh.detect.MeshConfigParser;
import dev.meshcert.mesh.policy.ParsedPeerAuthentication;
import dev.meshcert.mesh.policy.PeerAuthenticationParser;
import dev.meshcert.testpki.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The readers of what comes from the user's machine and the cluster rather than from a dropped
 * file: the kubeconfig loader the connection uses (not core's kubeconfig reader, which only pulls
 * certificates out), an exec credential plugin's output, PeerAuthentication YAML, Istio's mesh
 * config, snapshot files (with istioctl bug-report archives and loose dumps) and the cluster YAML
 * of such an archive. Each takes any text and says what is wrong in its own terms, never by an
 * unexpected exception.
 */
final class ClusterTargets {

  private static final ExecConfig PLUGIN =
      new ExecConfig(
          "fuzz-plugin",
          List.of(),
          Map.of(),
          "client.authentication.k8s.io/v1",
          Optional.empty(),
          false);

  private ClusterTargets() {}

  static List<Targets.Target> all() {
    Path dir = tempDir();
    Path file = dir.resolve("kubeconfig");
    return List.of(
        Targets.target("KubeconfigLoader", b -> kubeconfig(file, b)),
        Targets.target("ExecCredential", ClusterTargets::execCredential),
        Targets.target("PeerAuthenticationParser", ClusterTargets::peerAuthentications),
        Targets.target("MeshConfigParser", ClusterTargets::meshConfig),
        Targets.target("SnapshotFiles", ClusterTargets::snapshot),
        kubeObjects());
  }

  /** An istioctl bug-report's cluster YAML (resources, custom resources, Secrets). */
  static Targets.Target kubeObjects() {
    return Targets.target("KubeObjects", ClusterTargets::kubeObjects);
  }

  /** Objects read and problems said, never an exception. */
  private static void kubeObjects(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    for (KubeObjects.Read read : List.of(KubeObjects.read(text), KubeObjects.secrets(text))) {
      read.problems().forEach(p -> check(p != null && !p.isBlank(), "blank problem"));
      read.pods().forEach(p -> check(p != null && p.name() != null, "null pod"));
    }
  }

  /** Loads the bytes as the only kubeconfig file, then resolves every context it names. */
  private static void kubeconfig(Path file, byte[] bytes) throws IOException {
    Files.write(file, bytes);
    Kubeconfig k = KubeconfigLoader.load(List.of(file));
    k.problems().forEach(p -> check(p != null && !p.isBlank(), "blank kubeconfig problem"));
    for (String name : k.contextNames()) {
      try {
        k.resolve(name).warnings().forEach(w -> check(w != null, "null warning"));
      } catch (KubeconfigException e) {
        check(e.getMessage() != null && !e.getMessage().isBlank(), "resolve error without message");
      }
    }
  }

  /** What a plugin printed: a credential or a BAD_OUTPUT error, nothing else. */
  private static void execCredential(byte[] bytes) throws Exception {
    try {
      ExecCredential c = parse(new String(bytes, StandardCharsets.UTF_8));
      check(c.token().isPresent() || c.clientKeyPem().isPresent(), "credential without secret");
    } catch (ExecCredentialException e) {
      check(e.kind() == ExecCredentialException.Kind.BAD_OUTPUT, "kind " + e.kind());
      check(e.getMessage() != null && !e.getMessage().isBlank(), "plugin error without message");
    }
  }

  private static void peerAuthentications(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    for (ParsedPeerAuthentication p : PeerAuthenticationParser.parseYaml(text, "default")) {
      check(p != null && p.ref() != null, "null policy");
      p.errors().forEach(e -> check(e != null && e.message() != null, "null validation error"));
    }
  }

  /** A snapshot, an istioctl bug-report archive or a loose dump: read, or an IOException. */
  private static void snapshot(byte[] bytes) {
    try {
      Snapshot s = SNAPSHOTS.read("fuzz", bytes, TestPki.NOW);
      check(s.contexts() != null && s.problems() != null, "snapshot without lists");
    } catch (IOException e) {
      check(e.getMessage() != null && !e.getMessage().isBlank(), "snapshot error without message");
    }
  }

  private static final SnapshotFiles SNAPSHOTS = new SnapshotFiles(TestPki.CLOCK, "fuzz");

  private static void meshConfig(byte[] bytes) {
    MeshConfig m = MeshConfigParser.parse(new String(bytes, StandardCharsets.UTF_8));
    check(m != null && m.trustDomain() != null, "no trust domain");
  }

  /**
   * {@code ExecCredentialPlugin.parse} is what {@code run} applies to the plugin's stdout; it is
   * package-private, and running a process per input would make this target a process benchmark.
   */
  private static ExecCredential parse(String stdout) throws Exception {
    try {
      return (ExecCredential) PARSE.invoke(null, PLUGIN, stdout);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception x) {
        throw x;
      }
      throw (Error) e.getCause();
    }
  }

  private static final Method PARSE = parseMethod();

  private static Method parseMethod() {
    try {
      Method m =
          ExecCredentialPlugin.class.getDeclaredMethod("parse", ExecConfig.class, String.class);
      m.setAccessible(true);
      return m;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("meshcert-fuzz");
      dir.toFile().deleteOnExit();
      dir.resolve("kubeconfig").toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
