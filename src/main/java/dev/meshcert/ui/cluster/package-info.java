/**
 * The Cluster screen: contexts (several open at once) and namespaces, pods grouped by namespace
 * with their data plane and evidence, the effective mTLS mode per workload and port with the policy
 * that decided it, the control planes, live updates from watches, and the built-in demo mesh when
 * no cluster is at hand ({@code --demo}, or the current context cannot be reached).
 *
 * <h2>Extending the pod context menu (for other screens)</h2>
 *
 * <p>Other screens never edit this package to act on workloads. The composition root ({@code
 * app.GuiComposition}) registers a {@link dev.meshcert.ui.cluster.WorkloadAction} with {@link
 * dev.meshcert.ui.cluster.ClusterViewModel#addWorkloadAction}; it appears in the pod tree's context
 * menu after the built-in "Inspect certificates":
 *
 * <pre>{@code
 * cluster.model().addWorkloadAction(
 *     WorkloadAction.single("Probe mTLS…", selection -> {
 *       probeModel.target(selection.connection(), selection.first());
 *       window.select(probeScreen);
 *     }));
 * }</pre>
 *
 * <p>The handler gets a {@link dev.meshcert.ui.cluster.WorkloadSelection}: the open {@code
 * ClusterConnection} (live or demo: exec, port-forward, certificates; blocking, so run it on the
 * {@code TaskRunner}), the {@code MeshSnapshot} (control planes, policies) and the selected {@code
 * WorkloadStatus}es (pod, data plane with evidence and cert sources, effective mTLS). {@code
 * enabledWhen} greys the entry out ({@code WorkloadAction.single} for one pod only).
 *
 * <p>To follow the selection instead (a panel that shows the selected workload), listen to {@link
 * dev.meshcert.ui.cluster.ClusterViewModel#selectedRows()} (every selected pod, kept across live
 * updates) or {@link dev.meshcert.ui.cluster.ClusterViewModel#selectedProperty()} (the focused
 * one), and read {@link dev.meshcert.ui.cluster.ClusterViewModel#selection()} for the connection.
 * All of this is FX-thread state.
 */
package dev.meshcert.ui.cluster;
