package dev.meshcert.core.finding;

import dev.meshcert.core.cert.CertificateDecoder;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.chain.Chain;
import dev.meshcert.core.chain.ChainBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/** Test helpers: corpus certificates, chains, and finding rule IDs. */
final class Certs {
  private Certs() {}

  /** Every CERTIFICATE block of a file under src/test/resources/corpus, in file order. */
  static List<CertificateFacts> corpus(String path) {
    try (InputStream in = Certs.class.getResourceAsStream("/corpus/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource corpus/" + path);
      }
      return pem(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every CERTIFICATE block of PEM text, in order. */
  static List<CertificateFacts> pem(String text) {
    List<CertificateFacts> out = new ArrayList<>();
    try (PemReader reader = new PemReader(new StringReader(text))) {
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

  /** The chains the production builder makes of these certificates. */
  static List<Chain> chains(List<CertificateFacts> certs) {
    return new ChainBuilder().build(certs);
  }

  /** The certificates in the given order as one chain, the way go-spiffe reads an SVID file. */
  static Chain asGiven(List<CertificateFacts> certs) {
    return new Chain(certs, false, Optional.empty());
  }

  @SafeVarargs
  static List<CertificateFacts> concat(List<CertificateFacts>... lists) {
    return Stream.of(lists).flatMap(List::stream).toList();
  }

  /** The rule IDs of the findings. */
  static Set<String> ids(List<Finding> findings) {
    Set<String> s = new LinkedHashSet<>();
    findings.forEach(f -> s.add(f.rule()));
    return s;
  }

  /** The rule IDs of the findings at one severity. */
  static Set<String> ids(List<Finding> findings, Severity severity) {
    return ids(findings.stream().filter(f -> f.severity() == severity).toList());
  }

  /** All findings of an engine run, certificates then chains. */
  static List<Finding> all(LintReport report) {
    List<Finding> all = new ArrayList<>();
    report.byCertificate().values().forEach(all::addAll);
    report.byChain().forEach(all::addAll);
    return all;
  }
}
