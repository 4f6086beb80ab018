package dev.meshcert.guarantees;

import dev.meshcert.testpki.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Marker values planted in inputs, and the check that none of them comes out: a private key (its
 * PEM body), a bearer token, Secret data (base64 and decoded). Each marker is unique to the run, so
 * finding one anywhere means it leaked from the planted input.
 */
final class Planted {

  final TestPki.Issued root = new TestPki().root("CN=Planted Root").issue();
  final TestPki.Issued leaf =
      new TestPki().leaf(root).uriSan("spiffe://cluster.local/ns/shop/sa/cart").issue();

  /** The private key of {@link #leaf}, PKCS#8 PEM. */
  final String keyPem = leaf.keyPkcs8Pem();

  final String token = "mctoken" + Long.toHexString(System.nanoTime()) + "Zq9";
  final String secretValue = "mc-secret-" + Long.toHexString(System.nanoTime()) + "-value";
  final String secretBase64 =
      Base64.getEncoder().encodeToString(secretValue.getBytes(StandardCharsets.UTF_8));

  /** Substrings that must never appear in any output. */
  List<String> markers() {
    List<String> m = new ArrayList<>(keyBodyLines());
    m.add(token);
    m.add(secretValue);
    m.add(secretBase64);
    String keyB64 = Base64.getEncoder().encodeToString(keyPem.getBytes(StandardCharsets.UTF_8));
    m.add(keyB64.substring(100, 160)); // the key as base64 of its PEM (Secret tls.key)
    return m;
  }

  /** The private key's base64 lines (full 64-character lines only). */
  List<String> keyBodyLines() {
    return keyPem.lines().filter(l -> l.length() == 64).toList();
  }

  /** Which markers {@code text} contains; empty when it is clean. */
  List<String> leaked(String text) {
    return markers().stream().filter(text::contains).toList();
  }

  /** Where in {@code text} the first leaked marker is, with 300 characters around it. */
  String where(String text) {
    for (String m : markers()) {
      int i = text.indexOf(m);
      if (i >= 0) {
        return text.substring(Math.max(0, i - 300), Math.min(text.length(), i + m.length() + 100));
      }
    }
    return "";
  }

  /** Writes the planted inputs into {@code dir} and returns them. */
  List<Path> write(Path dir) throws IOException {
    Path pem = dir.resolve("cart-with-key.pem");
    Files.writeString(pem, leaf.pem() + root.pem() + keyPem);
    Path secret = dir.resolve("cart-secret.yaml");
    Files.writeString(
        secret,
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: cart-tls, namespace: shop}
        type: kubernetes.io/tls
        data:
          tls.crt: %s
          tls.key: %s
          ca.crt: %s
          password: %s
          token: %s
        """
            .formatted(b64(leaf.pem()), b64(keyPem), b64(root.pem()), secretBase64, b64(token)));
    Path kubeconfig = dir.resolve("kubeconfig.yaml");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        current-context: shop
        clusters:
        - name: shop
          cluster:
            server: https://127.0.0.1:6443
            certificate-authority-data: %s
        users:
        - name: cart
          user:
            token: %s
            client-certificate-data: %s
            client-key-data: %s
        contexts:
        - name: shop
          context: {cluster: shop, user: cart}
        """
            .formatted(b64(root.pem()), token, b64(leaf.pem()), b64(keyPem)));
    return List.of(pem, secret, kubeconfig);
  }

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
