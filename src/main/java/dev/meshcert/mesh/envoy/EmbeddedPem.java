package dev.meshcert.mesh.envoy;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.read.CertificateEntry;
import dev.meshcert.core.read.PasswordProvider;
import dev.meshcert.core.read.PemReader;
import dev.meshcert.core.read.ReadProblem;
import dev.meshcert.core.read.Source;
import java.util.List;

/**
 * Decodes the PEM certificates an admin document carries inline (Envoy {@code inline_bytes} after
 * base64, {@code inline_string}, ztunnel {@code pem}) with core's {@link PemReader}. Private keys
 * found there are dropped: the dump readers describe keys themselves. Stateless.
 */
public final class EmbeddedPem {

  private static final PemReader PEM = new PemReader();

  private EmbeddedPem() {}

  /**
   * The certificates found, with one problem per block that could not be read.
   *
   * @param certificates in the order of the text
   * @param problems located as "LOCATION, block 2 at line 40"
   */
  public record Decoded(List<CertificateFacts> certificates, List<ReadProblem> problems) {
    public Decoded {
      certificates = List.copyOf(certificates);
      problems = List.copyOf(problems);
    }
  }

  /** Reads every certificate block of a PEM text. */
  public static Decoded decode(String location, byte[] pem) {
    Source source = PEM.read(location, pem, PasswordProvider.none());
    return new Decoded(
        source.certificates().stream().map(CertificateEntry::certificate).toList(),
        source.problems().stream()
            .map(
                p ->
                    new ReadProblem(
                        p.location().isEmpty() ? location : location + ", " + p.location(),
                        p.message()))
            .toList());
  }
}
