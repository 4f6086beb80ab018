package dev.meshcert.mesh.workload;

/**
 * The controller that owns an object.
 *
 * @param kind the owner's kind ("ReplicaSet", "DaemonSet")
 * @param name the owner's name
 */
public record OwnerRef(String kind, String name) {}
