package dev.meshcert.kube;

import dev.meshcert.kube.config.ExecCredential;
import dev.meshcert.kube.config.ExecCredentialException;
import dev.meshcert.kube.config.ExecCredentialPlugin;
import dev.meshcert.kube.config.KubeCluster;
import dev.meshcert.kube.config.KubeUser;
import dev.meshcert.kube.config.ResolvedContext;
import dev.meshcert.kube.config.SecretText;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.credentials.ClientCertificateAuthentication;
import io.kubernetes.client.util.credentials.UsernamePasswordAuthentication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Builds the one {@link ApiClient} of a context: server, CA or insecure mode, credentials (token,
 * token file, client certificate, exec plugin, basic auth), timeouts, and a guard that refuses any
 * request that is not a GET.
 */
final class ClientFactory {

  private static final String WEBSOCKET_EXTENSIONS = "Sec-WebSocket-Extensions";

  /** A built client and what its credentials are. */
  record Built(ApiClient client, Optional<TokenSource> tokens) {}

  private ClientFactory() {}

  static Built build(ResolvedContext ctx, SessionOptions options) throws KubeException {
    KubeCluster cluster = ctx.cluster();
    KubeUser user = ctx.user();
    String contextName = ctx.context().name();
    Optional<String> certPem =
        read(user.clientCertificatePem(), user.clientCertificateFile(), contextName);
    Optional<String> keyPem =
        read(user.clientKeyPem().map(SecretText::value), user.clientKeyFile(), contextName);
    Optional<TokenSource> tokens = Optional.empty();
    if (user.exec().isPresent()) {
      ExecCredential cred;
      try {
        cred = ExecCredentialPlugin.run(user.exec().get(), cluster, options.execPluginTimeout());
      } catch (ExecCredentialException e) {
        throw new KubeException(
            new KubeFailure.CredentialsUnavailable(
                contextName, Optional.of(e.command()), e.getMessage()),
            e);
      }
      if (cred.token().isPresent()) {
        tokens =
            Optional.of(
                TokenSource.exec(
                    user.exec().get(),
                    cred,
                    cluster,
                    options.execPluginTimeout(),
                    options.clock()));
      } else {
        certPem = cred.clientCertificatePem();
        keyPem = cred.clientKeyPem().map(SecretText::value);
      }
    } else {
      Optional<String> token = user.token().or(user::authProviderIdToken).map(SecretText::value);
      if (token.isEmpty()) {
        token = read(Optional.empty(), user.tokenFile(), contextName).map(String::strip);
      }
      tokens = token.map(t -> TokenSource.fixed(t, cluster, options.clock()));
    }

    ClientBuilder builder =
        new ClientBuilder()
            .setBasePath(stripSlash(cluster.server()))
            .setVerifyingSsl(!cluster.insecureSkipTlsVerify())
            .setReadTimeout(options.requestTimeout());
    Optional<String> ca =
        read(cluster.certificateAuthorityPem(), cluster.certificateAuthorityFile(), contextName);
    if (ca.isPresent() && !cluster.insecureSkipTlsVerify()) {
      builder.setCertificateAuthority(ca.get().getBytes(StandardCharsets.UTF_8));
    }
    cluster.tlsServerName().ifPresent(builder::setTlsServerName);
    Optional<String> cert = certPem;
    Optional<String> key = keyPem;
    Optional<TokenSource> bearer = tokens;
    builder.setAuthentication(
        client -> {
          if (cert.isPresent() && key.isPresent()) {
            new ClientCertificateAuthentication(
                    cert.get().getBytes(StandardCharsets.UTF_8),
                    key.get().getBytes(StandardCharsets.UTF_8))
                .provide(client);
          }
          if (user.username().isPresent() && user.password().isPresent()) {
            new UsernamePasswordAuthentication(user.username().get(), user.password().get().value())
                .provide(client);
          }
          var http =
              client
                  .getHttpClient()
                  .newBuilder()
                  .addInterceptor(ClientFactory::readOnly)
                  .addInterceptor(ClientFactory::uncompressedStreams);
          bearer.ifPresent(t -> http.addInterceptor(bearer(t)));
          client.setHttpClient(http.build());
        });
    ApiClient client;
    try {
      client = builder.build();
    } catch (RuntimeException e) {
      throw new KubeException(
          new KubeFailure.CredentialsUnavailable(
              contextName,
              Optional.empty(),
              "the client certificate or key cannot be used: " + e.getMessage()),
          e);
    }
    client.setConnectTimeout((int) options.connectTimeout().toMillis());
    client.setWriteTimeout((int) options.requestTimeout().toMillis());
    return new Built(client, tokens);
  }

  /** The app never writes to a cluster: anything but GET is refused before it leaves. */
  private static Response readOnly(Interceptor.Chain chain) throws IOException {
    Request request = chain.request();
    if (!request.method().equals("GET")) {
      throw new IOException(
          "refused "
              + request.method()
              + " "
              + request.url().encodedPath()
              + ": meshcert is read-only");
    }
    return chain.proceed(request);
  }

  /**
   * Port-forward and exec streams are relayed as they are: their WebSocket upgrade does not offer
   * permessage-deflate (which OkHttp offers on every upgrade), so neither end spends CPU deflating
   * a few kilobytes of certificates per pod (ADR 0015).
   */
  private static Response uncompressedStreams(Interceptor.Chain chain) throws IOException {
    Request request = chain.request();
    if (request.header(WEBSOCKET_EXTENSIONS) == null) {
      return chain.proceed(request);
    }
    return chain.proceed(request.newBuilder().removeHeader(WEBSOCKET_EXTENSIONS).build());
  }

  private static Interceptor bearer(TokenSource tokens) {
    return chain -> {
      Response response = chain.proceed(withToken(chain.request(), tokens.token()));
      if (response.code() == 401 && tokens.refreshAfterRejection()) {
        response.close();
        return chain.proceed(withToken(chain.request(), tokens.token()));
      }
      return response;
    };
  }

  private static Request withToken(Request request, String token) {
    return request.newBuilder().header("Authorization", "Bearer " + token).build();
  }

  private static Optional<String> read(Optional<String> inline, Optional<Path> file, String context)
      throws KubeException {
    if (inline.isPresent()) {
      return inline;
    }
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file.get(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new KubeException(
          new KubeFailure.CredentialsUnavailable(
              context, Optional.empty(), "cannot read " + file.get() + ": " + e.getMessage()),
          e);
    }
  }

  private static String stripSlash(String server) {
    return server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
  }
}
