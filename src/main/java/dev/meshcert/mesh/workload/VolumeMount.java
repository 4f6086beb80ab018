package dev.meshcert.mesh.workload;

/**
 * Where a container mounts a pod volume.
 *
 * @param volume the pod volume's name
 * @param mountPath the absolute path inside the container
 * @param readOnly whether the mount is read-only
 */
public record VolumeMount(String volume, String mountPath, boolean readOnly) {}
