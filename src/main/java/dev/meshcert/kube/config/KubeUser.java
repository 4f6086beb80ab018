package dev.meshcert.kube.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A kubeconfig user entry, paths already resolved. Secrets are {@link SecretText}: redacted when
 * printed.
 *
 * @param name the entry name
 * @param token a bearer token
 * @param tokenFile a file holding the bearer token
 * @param clientCertificatePem the client certificate given inline
 * @param clientCertificateFile the client certificate file
 * @param clientKeyPem the client key given inline
 * @param clientKeyFile the client key file
 * @param username basic-auth user name
 * @param password basic-auth password
 * @param exec an exec credential plugin
 * @param authProvider the name of a legacy auth provider ({@code gcp}, {@code oidc}, {@code
 *     azure}), which kubectl no longer runs
 * @param authProviderIdToken the oidc provider's {@code id-token}, usable as a bearer token
 * @param definedIn the kubeconfig file this entry came from
 */
public record KubeUser(
    String name,
    Optional<SecretText> token,
    Optional<Path> tokenFile,
    Optional<String> clientCertificatePem,
    Optional<Path> clientCertificateFile,
    Optional<SecretText> clientKeyPem,
    Optional<Path> clientKeyFile,
    Optional<String> username,
    Optional<SecretText> password,
    Optional<ExecConfig> exec,
    Optional<String> authProvider,
    Optional<SecretText> authProviderIdToken,
    Path definedIn) {

  /** A user with no credentials at all (anonymous). */
  public static KubeUser anonymous(String name, Path definedIn) {
    return new KubeUser(
        name,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        definedIn);
  }
}
