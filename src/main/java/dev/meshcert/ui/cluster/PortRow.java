package dev.meshcert.ui.cluster;

/**
 * One port of the selected pod.
 *
 * @param port the container port
 * @param mode the effective mTLS mode on it
 * @param decidedBy why ("port 9080 of workload policy productpage-health.bookinfo sets PERMISSIVE")
 */
public record PortRow(int port, String mode, String decidedBy) {}
