package dev.meshcert.probe;

import dev.meshcert.kube.demo.DemoEndpoints.Mode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;

/**
 * One demo workload port on loopback, behaving as its sidecar would: STRICT demands a client
 * certificate and drops plain text, PERMISSIVE takes both (it looks at the first byte), PLAIN is an
 * application without a sidecar, SERVER_TLS an application terminating TLS itself. Answers echo the
 * request headers as httpbin's {@code /headers} does, with the {@code X-Forwarded-Client-Cert} the
 * proxy would add.
 */
final class DemoServer implements AutoCloseable {

  private static final int MAX_HEAD = 16 * 1024;
  private static final int READ_TIMEOUT_MILLIS = 5000;

  private final String workload;
  private final Mode mode;
  private final Optional<SSLContext> tls;
  private final Optional<String> serverId;
  private final ExecutorService pool;
  private final ServerSocket server;

  DemoServer(
      String workload,
      Mode mode,
      Optional<SSLContext> tls,
      Optional<String> serverId,
      ExecutorService pool)
      throws IOException {
    this.workload = workload;
    this.mode = mode;
    this.tls = tls;
    this.serverId = serverId;
    this.pool = pool;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    pool.execute(this::acceptLoop);
  }

  InetSocketAddress address() {
    return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
  }

  Mode mode() {
    return mode;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        pool.execute(() -> serve(s));
      } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      s.setSoTimeout(READ_TIMEOUT_MILLIS);
      PushbackInputStream in = new PushbackInputStream(s.getInputStream(), 1);
      int first = in.read();
      if (first < 0) {
        return;
      }
      in.unread(first);
      boolean hello = first == 0x16;
      switch (mode) {
        case PLAIN -> {
          if (hello) {
            // a TLS ClientHello to a plain server: it answers HTTP, which the client reads as
            // "not TLS" (wrong version number)
            badRequest(s.getOutputStream());
          } else {
            answer(in, s.getOutputStream(), Optional.empty());
          }
        }
        case STRICT -> {
          if (hello) {
            serveTls(s, in, true);
          }
          // plain text on a STRICT port: the proxy closes the connection without a word
        }
        case PERMISSIVE -> {
          if (hello) {
            serveTls(s, in, false);
          } else {
            answer(in, s.getOutputStream(), Optional.empty());
          }
        }
        case SERVER_TLS -> serveTls(s, in, false);
      }
    } catch (IOException | RuntimeException e) {
      // the client sees the reset or the alert: that is what the probe reports
    }
  }

  private void serveTls(Socket s, InputStream in, boolean need) throws IOException {
    SSLContext ctx = tls.orElseThrow(() -> new IOException("no certificate for " + workload));
    SSLSocket t = (SSLSocket) ctx.getSocketFactory().createSocket(s, in, true);
    t.setUseClientMode(false);
    SSLParameters p = t.getSSLParameters();
    p.setApplicationProtocols(new String[] {"http/1.1"});
    if (need) {
      p.setNeedClientAuth(true);
    } else if (mode == Mode.PERMISSIVE) {
      p.setWantClientAuth(true);
    }
    t.setSSLParameters(p);
    t.startHandshake();
    Optional<X509Certificate> client;
    try {
      client = Optional.of((X509Certificate) t.getSession().getPeerCertificates()[0]);
    } catch (SSLPeerUnverifiedException e) {
      client = Optional.empty();
    }
    answer(t.getInputStream(), t.getOutputStream(), client);
  }

  private void answer(InputStream in, OutputStream out, Optional<X509Certificate> client)
      throws IOException {
    String head = readHead(in);
    if (!head.startsWith("GET ") && !head.startsWith("HEAD ") && !head.startsWith("POST ")) {
      badRequest(out);
      return;
    }
    StringBuilder headers = new StringBuilder();
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.append(",\n    ").append(json(line.substring(0, colon).trim()));
        headers.append(": ").append(json(line.substring(colon + 1).trim()));
      }
    }
    client
        .flatMap(this::forwardedClientCert)
        .ifPresent(x -> headers.append(",\n    \"X-Forwarded-Client-Cert\": ").append(json(x)));
    String body =
        "{\n  \"workload\": "
            + json(workload)
            + ",\n  \"mode\": "
            + json(mode.name())
            + ",\n  \"headers\": {"
            + (headers.length() == 0 ? "" : headers.substring(1))
            + "\n  }\n}\n";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    out.write(
        ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + bytes.length
                + "\r\nServer: meshcert-demo\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
  }

  private static void badRequest(OutputStream out) throws IOException {
    out.write(
        "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** What Envoy would put in x-forwarded-client-cert for this client certificate. */
  private Optional<String> forwardedClientCert(X509Certificate client) {
    try {
      String hash =
          HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(client.getEncoded()));
      String uri = "";
      var sans = client.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          if (Integer.valueOf(6).equals(san.get(0))) {
            uri = String.valueOf(san.get(1));
          }
        }
      }
      return Optional.of(
          serverId.map(b -> "By=" + b + ";").orElse("")
              + "Hash="
              + hash
              + ";Subject=\""
              + client.getSubjectX500Principal().getName()
              + "\";URI="
              + uri);
    } catch (NoSuchAlgorithmException
        | CertificateEncodingException
        | CertificateParsingException e) {
      return Optional.empty();
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    int last4 = 0;
    while (b.size() < MAX_HEAD && (c = in.read()) != -1) {
      b.write(c);
      last4 = (last4 << 8) | (c & 0xff);
      if (last4 == 0x0d0a0d0a) {
        break;
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing a listening socket does not fail in a way worth reporting
    }
  }
}
