package dev.meshcert.kube.pull;

import dev.meshcert.kube.KubeFailure;
import java.time.Duration;
import java.util.Optional;

/**
 * One retrieval strategy tried on a pod, and how it went.
 *
 * @param strategy what was tried ("port-forward :15000 GET /config_dump?mask=...")
 * @param succeeded whether it read certificates
 * @param detail for a failure why ("403: may not create pods/portforward"), for a success what was
 *     read ("2 certificates, 1 root")
 * @param failure the typed cluster failure behind a failure, when there was one
 * @param took how long it took
 */
public record Attempt(
    String strategy,
    boolean succeeded,
    String detail,
    Optional<KubeFailure> failure,
    Duration took) {}
