package dev.meshcert.probe;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx from Debian on loopback, in the foreground, with its whole configuration and logs in
 * a temporary folder. {@code verifyClient} is nginx's ssl_verify_client: on, optional or off.
 */
final class NginxServer implements AutoCloseable {
  private final Process process;
  private final int port;

  NginxServer(Path dir, String certPem, String keyPem, String caPem, String verifyClient)
      throws IOException, InterruptedException {
    Files.writeString(dir.resolve("cert.pem"), certPem);
    Files.writeString(dir.resolve("key.pem"), keyPem);
    Files.writeString(dir.resolve("ca.pem"), caPem);
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String conf =
        """
        daemon off;
        master_process off;
        worker_processes 1;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log warn;
        events { worker_connections 64; }
        http {
          access_log off;
          client_body_temp_path %1$s/body;
          proxy_temp_path %1$s/proxy;
          fastcgi_temp_path %1$s/fastcgi;
          uwsgi_temp_path %1$s/uwsgi;
          scgi_temp_path %1$s/scgi;
          server {
            listen 127.0.0.1:%2$d ssl;
            ssl_certificate %1$s/cert.pem;
            ssl_certificate_key %1$s/key.pem;
            ssl_client_certificate %1$s/ca.pem;
            ssl_verify_client %3$s;
            location / {
              add_header x-forwarded-client-cert "$ssl_client_s_dn;verify=$ssl_client_verify" always;
              return 200 "details\\n";
            }
          }
        }
        """
            .formatted(dir, port, verifyClient);
    Path confFile = dir.resolve("nginx.conf");
    Files.writeString(confFile, conf);
    process =
        new ProcessBuilder("nginx", "-c", confFile.toString(), "-p", dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("stdout.log").toFile())
            .start();
    waitUntilListening(dir);
  }

  private void waitUntilListening(Path dir) throws IOException, InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "nginx exited: " + Files.readString(dir.resolve("stdout.log")));
      }
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        TimeUnit.MILLISECONDS.sleep(50);
      }
    }
    throw new IllegalStateException("nginx did not listen on " + port);
  }

  int port() {
    return port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
