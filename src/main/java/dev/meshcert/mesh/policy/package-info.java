/**
 * Istio PeerAuthentication: reading and validating the objects (security.istio.io v1 and v1beta1)
 * and resolving them, as istiod does, to the effective mTLS mode of each workload and port, with
 * the policy that decided it.
 */
package dev.meshcert.mesh.policy;
