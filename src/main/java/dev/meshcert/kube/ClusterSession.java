package dev.meshcert.kube;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.meshcert.kube.config.ResolvedContext;
import dev.meshcert.mesh.detect.ControlPlaneInputs;
import dev.meshcert.mesh.policy.ParsedPeerAuthentication;
import dev.meshcert.mesh.workload.Namespace;
import dev.meshcert.mesh.workload.SecretInfo;
import dev.meshcert.mesh.workload.Workload;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ListMeta;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NamespaceList;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A live connection to one kubeconfig context: its own {@code ApiClient} (never the global
 * default), timeouts on every call, read-only. Lists and watches pods, namespaces,
 * PeerAuthentications and control-plane objects, and turns them into {@code mesh} records.
 * Thread-safe; several sessions (contexts) can be open at once.
 */
public final class ClusterSession implements ClusterConnection {

  private final ResolvedContext context;
  private final SessionOptions options;
  private final ApiCalls calls;
  private final CoreV1Api core;
  private final Optional<TokenSource> tokens;
  private final PolicyReader policies;
  private final TrafficReader traffic;
  private final ControlPlaneReader controlPlane;
  private final CertificateReader certificates;
  private final LivePodAccess podAccess;
  private final List<WatchHandle> watches = new CopyOnWriteArrayList<>();
  private final PodLists podLists;

  private ClusterSession(
      ResolvedContext context, ClientFactory.Built built, SessionOptions options) {
    this.context = context;
    this.options = options;
    this.tokens = built.tokens();
    this.calls = new ApiCalls(built.client(), options.requestTimeout(), this::caller);
    this.core = new CoreV1Api(built.client());
    this.podLists = new PodLists(calls, core, options.pageSize());
    this.policies = new PolicyReader(calls, options.pageSize());
    this.traffic = new TrafficReader(calls, options.pageSize());
    this.controlPlane = new ControlPlaneReader(calls, options.pageSize());
    this.certificates = new CertificateReader(calls, options.requestTimeout());
    this.podAccess =
        new LivePodAccess(calls, options.requestTimeout(), options.pageSize(), this::caller);
  }

  /**
   * Opens a session: reads the credential files and runs the exec plugin (which may take a while:
   * call off the UI thread). No request is sent yet.
   *
   * @throws KubeException when credentials cannot be obtained
   */
  public static ClusterSession open(ResolvedContext context, SessionOptions options)
      throws KubeException {
    return new ClusterSession(context, ClientFactory.build(context, options), options);
  }

  @Override
  public String name() {
    return context.context().name();
  }

  @Override
  public Optional<String> defaultNamespace() {
    return context.namespace();
  }

  @Override
  public List<String> warnings() {
    return context.warnings();
  }

  @Override
  public boolean isDemo() {
    return false;
  }

  /** The API server URL. */
  public String server() {
    return context.cluster().server();
  }

  @Override
  public NamespaceListing namespaces(Cancellation cancellation) throws KubeException {
    try {
      List<Namespace> all =
          listAll(
                  Operation.clusterWide("list", "namespaces"),
                  next ->
                      core.listNamespace()
                          .limit(options.pageSize())
                          ._continue(next)
                          .buildCall(null),
                  V1NamespaceList.class,
                  (V1NamespaceList l) -> l.getItems(),
                  V1NamespaceList::getMetadata,
                  cancellation)
              .stream()
              .map(ObjectConverter::namespace)
              .sorted(Comparator.comparing(Namespace::name))
              .toList();
      return new NamespaceListing(all, Optional.empty());
    } catch (KubeException e) {
      if (!(e.failure() instanceof KubeFailure.Forbidden)) {
        throw e;
      }
      String fallback = context.namespace().orElse("default");
      return new NamespaceListing(
          List.of(namespaceOrBare(fallback, cancellation)), Optional.of(e.failure()));
    }
  }

  private Namespace namespaceOrBare(String name, Cancellation cancellation) throws KubeException {
    try {
      V1Namespace ns =
          calls.execute(
              new Operation("get", "namespaces", Optional.of(name)),
              () -> core.readNamespace(name).buildCall(null),
              V1Namespace.class,
              cancellation);
      return ObjectConverter.namespace(ns);
    } catch (KubeException e) {
      if (e.failure() instanceof KubeFailure.Cancelled) {
        throw e;
      }
      return Namespace.named(name);
    }
  }

  @Override
  public List<Workload> pods(NamespaceScope scope, Cancellation cancellation) throws KubeException {
    return pods(scope, "", cancellation);
  }

  @Override
  public List<Workload> pods(NamespaceScope scope, String labelSelector, Cancellation cancellation)
      throws KubeException {
    return podLists.listAndRemember(scope, labelSelector, cancellation);
  }

  @Override
  public PolicyListing peerAuthentications(NamespaceScope scope, Cancellation cancellation)
      throws KubeException {
    return policies.list(scope, cancellation);
  }

  @Override
  public List<dev.meshcert.mesh.workload.ServiceInfo> services(
      NamespaceScope scope, Cancellation cancellation) throws KubeException {
    return traffic.services(scope, cancellation);
  }

  @Override
  public List<dev.meshcert.mesh.policy.DestinationRule> destinationRules(
      NamespaceScope scope, Cancellation cancellation) throws KubeException {
    return traffic.destinationRules(scope, cancellation);
  }

  @Override
  public ControlPlaneInputs controlPlaneInputs(Cancellation cancellation) throws KubeException {
    return controlPlane.read(context.namespace(), cancellation);
  }

  @Override
  public FetchedCertificates certificates(
      Workload pod, dev.meshcert.mesh.workload.CertSource source, Cancellation cancellation)
      throws KubeException {
    return certificates.read(pod, source, cancellation, caller());
  }

  @Override
  public PodAccess podAccess() {
    return podAccess;
  }

  @Override
  public Optional<ProbeExec> probeExec() {
    return Optional.of(new ProbeExec(calls, this::caller));
  }

  /**
   * {@inheritDoc}
   *
   * <p>When the pods of {@code scope} were listed last by {@link #pods(NamespaceScope,
   * Cancellation)} (a scan), the watch starts from that list and its resource version instead of
   * listing again: the first {@link WatchEvent.Synced} carries the scan's pods, and events since
   * the scan follow (a version the server no longer has, 410 Gone, makes it list afresh). Each list
   * is resumed from once.
   */
  @Override
  public WatchHandle watchPods(NamespaceScope scope, WatchListener<Workload> listener) {
    return start(
        new PodWatchSource(podLists, core, scope), listener, podLists.takeRemembered(scope));
  }

  /**
   * {@inheritDoc}
   *
   * <p>As {@link #watchPods}: when the PeerAuthentications of {@code scope} were listed last by
   * {@link #peerAuthentications} (a scan), the watch starts from that list and its resource version
   * instead of listing again; 410 Gone makes it list afresh. Each list is resumed from once.
   */
  @Override
  public WatchHandle watchPeerAuthentications(
      NamespaceScope scope, WatchListener<ParsedPeerAuthentication> listener) {
    return start(policies.watchSource(scope), listener, policies.takeRemembered(scope));
  }

  private <A, T> WatchHandle start(
      WatchSource<A, T> source, WatchListener<T> listener, Optional<Paging.Listed<T>> resumeFrom) {
    ResourceWatch<A, T> watch =
        new ResourceWatch<>(name(), source, listener, calls, options, resumeFrom);
    watches.add(watch);
    watch.start();
    return watch;
  }

  @Override
  public void close() {
    watches.forEach(WatchHandle::close);
    watches.clear();
    podLists.clear();
    policies.clear();
  }

  /** Lists Secret names and key names in {@code namespace}: metadata only is asked for. */
  static List<SecretInfo> secretsMetadata(
      ApiCalls calls, String namespace, Cancellation cancellation) throws KubeException {
    JsonElement list =
        calls.execute(
            Operation.in("list", "secrets", namespace),
            () ->
                calls
                    .client()
                    .buildCall(
                        null,
                        "/api/v1/namespaces/" + calls.client().escapeString(namespace) + "/secrets",
                        "GET",
                        new ArrayList<>(),
                        new ArrayList<>(),
                        null,
                        Map.of(
                            "Accept",
                            "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,"
                                + "application/json"),
                        Map.of(),
                        Map.of(),
                        new String[] {"BearerToken"},
                        null),
            JsonElement.class,
            cancellation);
    List<SecretInfo> out = new ArrayList<>();
    if (list != null && list.isJsonObject() && list.getAsJsonObject().has("items")) {
      for (JsonElement item : list.getAsJsonObject().getAsJsonArray("items")) {
        if (item.isJsonObject()) {
          out.add(ObjectConverter.secret((JsonObject) item, namespace));
        }
      }
    }
    return out;
  }

  <L, A> List<A> listAll(
      Operation op,
      PageCall pageCall,
      Type type,
      Function<L, List<A>> items,
      Function<L, V1ListMeta> meta,
      Cancellation cancellation)
      throws KubeException {
    return Paging.listAll(calls, op, pageCall, type, items, meta, cancellation);
  }

  static Operation operation(String verb, String resource, NamespaceScope scope) {
    return new Operation(verb, resource, scope.namespace());
  }

  private Failures.Caller caller() {
    return new Failures.Caller(
        context.context().name(),
        context.user().name(),
        context.cluster().server(),
        tokens.flatMap(TokenSource::expiry));
  }
}
