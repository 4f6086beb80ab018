package dev.meshcert.kube.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A kubeconfig cluster entry, paths already resolved against the file that defined it.
 *
 * @param name the entry name
 * @param server the API server URL
 * @param certificateAuthorityPem the CA bundle given inline ({@code certificate-authority-data})
 * @param certificateAuthorityFile the CA bundle file ({@code certificate-authority})
 * @param insecureSkipTlsVerify whether the server certificate is not verified
 * @param tlsServerName the name to verify the server certificate against, when not the host
 * @param definedIn the kubeconfig file this entry came from
 */
public record KubeCluster(
    String name,
    String server,
    Optional<String> certificateAuthorityPem,
    Optional<Path> certificateAuthorityFile,
    boolean insecureSkipTlsVerify,
    Optional<String> tlsServerName,
    Path definedIn) {}
