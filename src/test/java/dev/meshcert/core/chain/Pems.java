package dev.meshcert.core.chain;

import dev.meshcert.core.cert.CertificateDecoder;
import dev.meshcert.core.cert.CertificateFacts;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/** Reads the certificates of PEM text and of corpus files copied under test resources. */
final class Pems {
  private Pems() {}

  /** Every CERTIFICATE block of a file under src/test/resources/corpus. */
  static List<CertificateFacts> corpus(String path) {
    try (InputStream in = Pems.class.getResourceAsStream("/corpus/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource corpus/" + path);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every CERTIFICATE block of PEM text, in order. */
  static List<CertificateFacts> parse(String pem) {
    List<CertificateFacts> out = new ArrayList<>();
    try (PemReader reader = new PemReader(new StringReader(pem))) {
      CertificateDecoder decoder = new CertificateDecoder();
      for (PemObject o = reader.readPemObject(); o != null; o = reader.readPemObject()) {
        if (o.getType().equals("CERTIFICATE")) {
          out.add(decoder.decode(o.getContent()));
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** The single certificate of a corpus file. */
  static CertificateFacts one(String path) {
    List<CertificateFacts> all = corpus(path);
    if (all.size() != 1) {
      throw new IllegalStateException(path + " holds " + all.size() + " certificates");
    }
    return all.get(0);
  }
}
