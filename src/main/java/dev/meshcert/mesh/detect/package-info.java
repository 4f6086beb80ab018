/**
 * Recognising meshes from what the Kubernetes API shows: which data plane each pod uses (with the
 * evidence) and which control planes run in the cluster (istiod, Citadel, Linkerd identity, SPIRE),
 * with their trust domain and CA mode. Pure rules over {@code mesh.workload} records.
 */
package dev.meshcert.mesh.detect;
