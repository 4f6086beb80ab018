/**
 * The workload model: pods, their containers, volumes and sidecars, namespaces, the controllers and
 * config objects the control plane is recognised by. Plain immutable records built by {@code kube}
 * (from API objects) or by the demo mesh; nothing here knows how they were fetched.
 */
package dev.meshcert.mesh.workload;
