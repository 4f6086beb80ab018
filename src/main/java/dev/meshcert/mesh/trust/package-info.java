/**
 * The mesh seen as a whole: workloads grouped by the root their certificate chain verifies to and
 * by the root bundle they hold, stragglers after a root rotation with the reason, and two workloads
 * compared side by side (as {@code istioctl proxy-config rootca-compare} does). Pure: depends only
 * on {@code core} and the mesh dump readers.
 */
package dev.meshcert.mesh.trust;
