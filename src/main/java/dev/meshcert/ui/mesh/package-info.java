/**
 * The Mesh screen: workloads grouped by the root their chain verifies to and by the bundle they
 * hold (stragglers of a root rotation marked), two workloads compared side by side, and every
 * certificate's validity on a timeline. Fed from opened dump files, scans and snapshots.
 */
package dev.meshcert.ui.mesh;
