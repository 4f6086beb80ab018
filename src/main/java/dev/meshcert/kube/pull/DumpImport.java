package dev.meshcert.kube.pull;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeObjects;
import dev.meshcert.kube.MeshScanner;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.mesh.detect.ControlPlaneReport;
import dev.meshcert.mesh.detect.MeshAnalyzer;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.detect.WorkloadStatus;
import dev.meshcert.mesh.envoy.AdminDocument;
import dev.meshcert.mesh.workload.Container;
import dev.meshcert.mesh.workload.Namespace;
import dev.meshcert.mesh.workload.Workload;
import dev.meshcert.mesh.ztunnel.ZtunnelCert;
import dev.meshcert.mesh.ztunnel.ZtunnelCertificate;
import dev.meshcert.mesh.ztunnel.ZtunnelDump;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns dumps other tools wrote into a {@link ScanResult}: the files of an {@code istioctl
 * bug-report} archive, or loose Envoy config_dump and ztunnel dump files (JSON or YAML). Of an
 * archive, the YAML of {@code cluster/k8s-resources} (namespaces, pods, controllers, Services,
 * ConfigMaps with the roots and the mesh config), {@code cluster/crs} (PeerAuthentications,
 * DestinationRules) and {@code cluster/secrets} (names only) is read through {@link MeshScanner} as
 * a live cluster is ({@link ArchiveCluster}), its roots through {@link RootsReader} (ConfigMaps,
 * and the CA and TLS Secrets written in full, keys never kept), and {@code
 * proxies/<ns>/<pod>/config_dump*} gives each proxy's certificates. Each proxy's dump becomes a
 * pull "imported" from its file; chains are judged at the instant the dump was taken.
 */
final class DumpImport {

  /** A file to import. */
  record File(String name, byte[] content, Instant modified) {}

  private final List<String> problems = new ArrayList<>();
  private final Map<String, Workload> pods = new LinkedHashMap<>();
  private KubeObjects.Read objects = KubeObjects.Read.empty();
  private boolean secretsListed;
  private final Map<String, PulledChain> chains = new LinkedHashMap<>();
  private final Map<String, String> failures = new LinkedHashMap<>();
  private final Map<String, String> sources = new LinkedHashMap<>();

  /** An istioctl bug-report archive's files. */
  ScanResult bugReport(String archiveName, List<File> files) {
    String cluster = archiveName;
    Instant taken = Instant.EPOCH;
    for (File f : files) {
      taken = f.modified().isAfter(taken) ? f.modified() : taken;
      String path = f.name().replace('\\', '/');
      if (path.endsWith("cluster/cluster-context")) {
        cluster = text(f).lines().findFirst().orElse(archiveName).strip();
      } else if (path.endsWith("cluster/k8s-resources") || path.endsWith("cluster/crs")) {
        objects = objects.plus(KubeObjects.read(text(f)));
      } else if (path.endsWith("cluster/secrets")) {
        objects = objects.plus(KubeObjects.secrets(text(f)));
        secretsListed = true;
      }
    }
    objects.pods().forEach(p -> pods.put(p.ref(), p));
    objects.problems().forEach(p -> problems.add("cluster resources: " + p));
    for (File f : files) {
      String[] parts = f.name().replace('\\', '/').split("/");
      int proxies = indexOf(parts, "proxies");
      if (proxies >= 0
          && parts.length == proxies + 4
          && parts[proxies + 3].startsWith("config_dump")) {
        proxyDump(parts[proxies + 1], parts[proxies + 2], f);
      }
    }
    ArchiveCluster archive =
        new ArchiveCluster(
            cluster.isEmpty() ? archiveName : cluster,
            objects,
            List.copyOf(pods.values()),
            secretsListed ? Optional.of(objects.secrets()) : Optional.empty(),
            problems);
    MeshSnapshot mesh;
    try {
      mesh =
          new MeshScanner(Clock.fixed(taken, ZoneOffset.UTC))
              .scan(archive, NamespaceScope.all(), Cancellation.none());
    } catch (KubeException e) {
      // an archive answers every list, and nothing cancels this scan
      throw new IllegalStateException(e.failure().title(), e);
    }
    RootsReader.Read roots = roots(archive, mesh);
    return new ImportedPulls()
        .result(mesh, taken, roots.roots(), chains, failures, sources, roots.problems());
  }

  /**
   * The archive's roots, read as a live scan with {@code --secrets} reads them ({@link
   * RootsReader}) for the pods whose dumps were imported: the {@code istio-ca-root-cert} and
   * Linkerd trust-root ConfigMaps, and the CA and TLS Secrets the archive holds in full.
   */
  private RootsReader.Read roots(ArchiveCluster archive, MeshSnapshot mesh) {
    List<WorkloadStatus> dumped =
        mesh.workloads().stream()
            .filter(w -> chains.containsKey(w.pod().ref()) || failures.containsKey(w.pod().ref()))
            .toList();
    try {
      return new RootsReader(archive.podAccess(), Cancellation.none()).read(mesh, dumped, true);
    } catch (KubeException e) {
      // an archive answers every read, and nothing cancels this one
      throw new IllegalStateException(e.failure().title(), e);
    }
  }

  /** Loose dump files, each an Envoy config_dump or a ztunnel dump (JSON or YAML). */
  ScanResult looseFiles(String name, List<File> files) {
    Instant taken = Instant.EPOCH;
    for (File f : files) {
      taken = f.modified().isAfter(taken) ? f.modified() : taken;
      Optional<JsonElement> json = json(f);
      if (json.isEmpty()) {
        continue;
      }
      if (isZtunnel(json.get())) {
        ztunnel(f, json.get());
      } else {
        String base = f.name().replaceAll(".*[/\\\\]", "").replaceAll("\\.(json|txt|ya?ml)$", "");
        envoy(Optional.empty(), base, f, json.get());
      }
    }
    TreeSet<String> known = new TreeSet<>();
    List<Namespace> namespaces = new ArrayList<>();
    pods.values().stream()
        .map(Workload::namespace)
        .filter(known::add)
        .forEach(n -> namespaces.add(Namespace.named(n)));
    MeshSnapshot mesh =
        MeshAnalyzer.analyze(
            new MeshAnalyzer.Inputs(
                name,
                false,
                taken,
                Optional.empty(),
                namespaces,
                List.copyOf(pods.values()),
                List.of(),
                new ControlPlaneReport(List.of(), List.of(), List.of(), List.of()),
                List.of(),
                problems,
                List.of(),
                List.of()));
    return new ImportedPulls().result(mesh, taken, List.of(), chains, failures, sources, List.of());
  }

  private void proxyDump(String ns, String pod, File f) {
    Optional<JsonElement> json = json(f);
    if (json.isEmpty()) {
      return;
    }
    if (isZtunnel(json.get())) {
      ztunnel(f, json.get());
    } else {
      envoy(Optional.of(ns), pod, f, json.get());
    }
  }

  private void envoy(Optional<String> ns, String pod, File f, JsonElement json) {
    String source = "imported " + f.name();
    try {
      PulledChain chain =
          EnvoySecrets.read(json.toString().getBytes(StandardCharsets.UTF_8), source);
      String namespace = ns.orElseGet(() -> identityPart(chain, "ns").orElse("imported"));
      String ref = namespace + "/" + pod;
      pods.computeIfAbsent(
          ref, r -> sidecar(namespace, pod, identityPart(chain, "sa").orElse("default")));
      chains.put(ref, chain);
      sources.put(ref, source);
    } catch (Strategy.PullException e) {
      String ref = ns.orElse("imported") + "/" + pod;
      pods.computeIfAbsent(ref, r -> sidecar(ns.orElse("imported"), pod, "default"));
      failures.put(ref, e.getMessage());
      sources.put(ref, source);
    }
  }

  private void ztunnel(File f, JsonElement json) {
    ZtunnelDump dump = ZtunnelDump.of(json);
    dump.problems().forEach(p -> problems.add(f.name() + ": " + p));
    for (ZtunnelCertificate c : dump.certificates()) {
      List<CertificateFacts> chain = new ArrayList<>();
      List<CertificateFacts> roots = new ArrayList<>();
      for (ZtunnelCert e : c.all()) {
        (e.role() == ZtunnelCert.Role.ROOT ? roots : chain).addAll(e.certificates());
      }
      String[] path = c.identity().replaceFirst("^spiffe://[^/]*", "").split("/");
      if (path.length < 5 || chain.isEmpty()) {
        continue;
      }
      String ns = path[2];
      String sa = path[4];
      Workload pod =
          pods.values().stream()
              .filter(p -> p.namespace().equals(ns) && p.serviceAccount().equals(sa))
              .filter(p -> p.runningContainer("istio-proxy").isEmpty())
              .findFirst()
              .orElseGet(() -> ambient(ns, sa));
      pods.putIfAbsent(pod.ref(), pod);
      String source = "imported " + f.name() + ", " + c.identity();
      chains.put(
          pod.ref(),
          new PulledChain(
              source, chain, roots, Optional.of(c.state()), Optional.empty(), List.of()));
      sources.put(pod.ref(), source);
    }
  }

  List<String> problems() {
    return problems;
  }

  private static Workload sidecar(String ns, String name, String sa) {
    return Workload.builder(ns, name)
        .serviceAccount(sa)
        .annotation("sidecar.istio.io/status", "{}")
        .container(Container.of("istio-proxy", "istio/proxyv2"))
        .build();
  }

  private static Workload ambient(String ns, String sa) {
    return Workload.builder(ns, sa)
        .serviceAccount(sa)
        .label("istio.io/dataplane-mode", "ambient")
        .annotation("ambient.istio.io/redirection", "enabled")
        .build();
  }

  private static Optional<String> identityPart(PulledChain chain, String key) {
    Optional<String> uri = chain.leaf().flatMap(CertificateFacts::spiffeUri);
    if (uri.isEmpty()) {
      return Optional.empty();
    }
    String[] p = uri.get().replaceFirst("^spiffe://[^/]*", "").split("/");
    for (int i = 1; i + 1 < p.length; i += 2) {
      if (p[i].equals(key)) {
        return Optional.of(p[i + 1]);
      }
    }
    return Optional.empty();
  }

  /** The dump's tree, JSON or YAML (istioctl ... -o yaml) as dumps are read everywhere. */
  private Optional<JsonElement> json(File f) {
    AdminDocument document = AdminDocument.parse(f.content());
    if (document.tree().isEmpty()) {
      problems.add(
          f.name()
              + " is not JSON or YAML and was skipped: "
              + document.problems().stream().map(Object::toString).findFirst().orElse(""));
    }
    return document.tree();
  }

  static boolean isZtunnel(JsonElement json) {
    if (json.isJsonArray()) {
      return true;
    }
    JsonObject o = json.isJsonObject() ? json.getAsJsonObject() : new JsonObject();
    return o.has("certificates") && !o.has("configs");
  }

  private static int indexOf(String[] parts, String name) {
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static String text(File f) {
    return new String(f.content(), StandardCharsets.UTF_8);
  }
}
