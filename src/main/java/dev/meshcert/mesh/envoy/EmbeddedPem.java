package dev.meshcert.mesh.envoy;

import dev.meshcert.core.cert.CertificateDecodeException;
import dev.meshcert.core.cert.CertificateDecoder;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.read.ReadProblem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Decodes the PEM certificates an admin document carries inline (Envoy {@code inline_bytes} after
 * base64, {@code inline_string}, ztunnel {@code pem}). Stateless.
 */
public final class EmbeddedPem {

  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
  private static final String END = "-----END CERTIFICATE-----";

  private EmbeddedPem() {}

  /**
   * The certificates found, with one problem per block that could not be read.
   *
   * @param certificates in the order of the text
   * @param problems located relative to {@code location}
   */
  public record Decoded(List<CertificateFacts> certificates, List<ReadProblem> problems) {
    public Decoded {
      certificates = List.copyOf(certificates);
      problems = List.copyOf(problems);
    }
  }

  /** Reads every certificate block of a PEM text. */
  public static Decoded decode(String location, byte[] pem) {
    String text = new String(pem, StandardCharsets.UTF_8);
    List<CertificateFacts> certificates = new ArrayList<>();
    List<ReadProblem> problems = new ArrayList<>();
    CertificateDecoder decoder = new CertificateDecoder();
    int from = text.indexOf(BEGIN);
    int block = 0;
    while (from >= 0) {
      block++;
      int end = text.indexOf(END, from);
      String where = location + ", block " + block;
      if (end < 0) {
        problems.add(new ReadProblem(where, "PEM block without an END line"));
        break;
      }
      String body = text.substring(from + BEGIN.length(), end).replaceAll("\\s", "");
      try {
        certificates.add(decoder.decode(Base64.getDecoder().decode(body)));
      } catch (IllegalArgumentException e) {
        problems.add(new ReadProblem(where, "bad base64"));
      } catch (CertificateDecodeException e) {
        problems.add(new ReadProblem(where, e.getMessage()));
      }
      from = text.indexOf(BEGIN, end);
    }
    if (block == 0) {
      problems.add(new ReadProblem(location, "no PEM certificate"));
    }
    return new Decoded(certificates, problems);
  }
}
