package dev.meshcert.ui.mesh;

/**
 * A workload (or file) whose certificates could not be read.
 *
 * @param name the pod ("namespace/name") or file
 * @param reason why, one line ("forbidden: create pods/exec", "timed out after 20 s")
 */
public record PodFailure(String name, String reason) {}
