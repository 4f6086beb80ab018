package dev.meshcert.ui.inspect;

import dev.meshcert.testpki.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A small mesh PKI for UI tests: root, intermediate, a SPIFFE workload leaf, an expired leaf. */
final class Certs {

  final TestPki pki = new TestPki();
  final TestPki.Issued root = pki.root("CN=Mesh Root,O=Example").issue();
  final TestPki.Issued intermediate = pki.intermediate(root, "CN=Istio CA,O=Example").issue();
  final TestPki.Issued workload =
      pki.leaf(intermediate).uriSan("spiffe://cluster.local/ns/shop/sa/cart").issue();
  final TestPki.Issued expired =
      pki.leaf(root)
          .subject("CN=old-gateway")
          .dnsSan("old-gateway.example")
          .validity(TestPki.NOW.minus(Duration.ofDays(400)), TestPki.NOW.minus(Duration.ofDays(12)))
          .issue();

  /** Writes the PEM of these certificates, in order, to {@code dir/name}. */
  static Path write(Path dir, String name, TestPki.Issued... certs) {
    StringBuilder b = new StringBuilder();
    for (TestPki.Issued c : certs) {
      b.append(c.pem());
    }
    try {
      return Files.writeString(dir.resolve(name), b, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
