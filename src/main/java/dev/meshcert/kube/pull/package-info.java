/**
 * Pulling certificate chains from live workloads, scanning many pods, and snapshots.
 *
 * <h2>The API</h2>
 *
 * <ul>
 *   <li>{@link dev.meshcert.kube.pull.CertificateScanService} scans a {@link
 *       dev.meshcert.kube.pull.ScanTarget} (a pod, a namespace, everything) of a {@link
 *       dev.meshcert.kube.ClusterConnection} (live or the demo) with {@link
 *       dev.meshcert.kube.pull.ScanOptions} (parallelism, per-pod timeout, whether Secrets may be
 *       read), reporting progress to a {@link dev.meshcert.kube.pull.ScanListener} (n of m, the
 *       current pod, each finished pod) and stopping on {@link dev.meshcert.kube.Cancellation} with
 *       partial results. {@code MeshCertificateScanner} is the implementation.
 *   <li>{@link dev.meshcert.kube.pull.ScanResult} is what one cluster looked like: the {@code
 *       MeshSnapshot} (pods, policies, control planes), the {@link
 *       dev.meshcert.kube.pull.MeshRoot}s read, and one {@link dev.meshcert.kube.pull.PodPull} per
 *       pod.
 *   <li>{@link dev.meshcert.kube.pull.PodPull}: the {@link dev.meshcert.kube.pull.PullStatus},
 *       every {@link dev.meshcert.kube.pull.Attempt} (strategy, why it failed), the {@link
 *       dev.meshcert.kube.pull.PulledChain} (chain presented, roots held) and the {@link
 *       dev.meshcert.kube.pull.PodVerdicts} (identity against the pod, chain against the mesh root,
 *       root held, rotation, and core's full {@code Analysis} with findings).
 *   <li>{@link dev.meshcert.kube.pull.SnapshotService} ({@link
 *       dev.meshcert.kube.pull.SnapshotFiles}) saves a {@link dev.meshcert.kube.pull.Snapshot} (one
 *       {@code ScanResult} per context) to the file format of docs/snapshot-format.md and opens it,
 *       an {@code istioctl bug-report} archive or a loose config_dump / ztunnel dump, with no
 *       cluster; opened chains are judged again at the instant they were taken.
 * </ul>
 *
 * <p>Grouping for a trust view: {@code PodVerdicts.verifiedRoot()} (the root the chain verifies to)
 * and {@code PulledChain.roots()} (the bundle the proxy holds; {@code heldRootsMatchMesh} false
 * marks a straggler after a root rotation). For a timeline: every {@code CertificateFacts} of
 * {@code PulledChain.chain()} with {@code PodVerdicts.rotation()} (the expected renewal).
 *
 * <h2>Retrieval strategies, tried in order</h2>
 *
 * <ul>
 *   <li>Istio sidecar: port-forward to Envoy admin :15000 and {@code GET
 *       /config_dump?mask=dynamic_active_secrets,dynamic_warming_secrets}; else exec {@code
 *       pilot-agent request GET config_dump?...} in istio-proxy; else the files of {@code
 *       /etc/certs} (Istio 1.4 and earlier) and {@code
 *       /var/run/secrets/workload-spiffe-credentials} ({@code ls}, then {@code cert-chain.pem},
 *       {@code root-cert.pem}; {@code key.pem} only to check it matches the leaf, then dropped).
 *   <li>Istio ambient: the ztunnel of the pod's node, port-forward :15000, {@code GET
 *       /config_dump}, the {@code certificates} entry of the pod's identity (read once per ztunnel
 *       per scan).
 *   <li>Linkerd: port-forward to the proxy's admin port :4191 and a TLS handshake with SNI set to
 *       the pod's identity; the peer chain is recorded; the trust anchors come from the proxy's
 *       environment and the linkerd-identity-trust-roots ConfigMap.
 *   <li>Mounted files of other data planes (cert-manager CSI): the connection's own {@code
 *       certificates(...)}.
 *   <li>The demo mesh ({@code kube.demo}) answers the same port-forwards and execs with its own
 *       certificates (one Istio 1.4 sidecar with only {@code /etc/certs}, one proxy holding the
 *       previous root); its Linkerd proxies run no TLS server, so after the handshake attempt their
 *       chain comes from the demo's {@code certificates(...)}.
 * </ul>
 *
 * <p>Every exec runs a fixed {@link dev.meshcert.kube.ReadCommand}; nothing is written to the
 * cluster and no private key is kept, shown, saved or logged.
 */
package dev.meshcert.kube.pull;
