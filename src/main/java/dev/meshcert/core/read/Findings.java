package dev.meshcert.core.read;

import dev.meshcert.core.cert.CertificateDecodeException;
import dev.meshcert.core.cert.CertificateDecoder;
import dev.meshcert.core.cert.CertificateFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a reader has found so far; becomes a {@link Source}. Not thread-safe: one per read. */
final class Findings {

  private static final CertificateDecoder DECODER = new CertificateDecoder();

  private final List<CertificateEntry> certificates = new ArrayList<>();
  private final List<KeyEntry> keys = new ArrayList<>();
  private final List<MetadataEntry> metadata = new ArrayList<>();
  private final List<ReadProblem> problems = new ArrayList<>();

  /** Decodes one DER certificate; a failure becomes a problem at {@code location}. */
  void certificate(byte[] der, String location, Map<String, String> context) {
    add(decode(der), location, context);
  }

  /**
   * A certificate decoded ahead, possibly on another thread: the certificate, or why not. Pure, so
   * readers may decode many in parallel and {@link #add} them in input order.
   */
  record Decoded(CertificateFacts certificate, String problem) {}

  /** Decodes one DER certificate without recording anything. Thread-safe. */
  static Decoded decode(byte[] der) {
    if (der.length > 0) {
      try {
        Der.objectLength(der, 0, der.length); // bounded check before the recursive parser
      } catch (java.io.IOException e) {
        return new Decoded(null, "not a DER X.509 certificate: " + e.getMessage());
      }
    }
    try {
      return new Decoded(DECODER.decode(der), null);
    } catch (CertificateDecodeException e) {
      return new Decoded(null, e.getMessage());
    }
  }

  /** Records a decoded certificate, or its problem, at {@code location}. */
  void add(Decoded decoded, String location, Map<String, String> context) {
    if (decoded.certificate() != null) {
      certificates.add(new CertificateEntry(decoded.certificate(), location, context));
    } else {
      problem(location, decoded.problem());
    }
  }

  void key(KeyEntry key) {
    keys.add(key);
  }

  void metadata(MetadataEntry entry) {
    metadata.add(entry);
  }

  void problem(String location, String message) {
    problems.add(new ReadProblem(location, message));
  }

  int size() {
    return certificates.size() + keys.size() + metadata.size();
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  /**
   * Takes everything from a source read from a part of this input (a Secret key, a kubeconfig
   * user). Locations become {@code prefix} followed by the inner location when the part held
   * several entries or the inner location says something; context is {@code context} then the inner
   * context.
   */
  void merge(Source part, String prefix, Map<String, String> context) {
    boolean several = part.certificates().size() + part.keys().size() > 1;
    for (CertificateEntry c : part.certificates()) {
      certificates.add(
          new CertificateEntry(
              c.certificate(), join(prefix, c.location(), several), with(context, c.context())));
    }
    for (KeyEntry k : part.keys()) {
      keys.add(
          new KeyEntry(
              join(prefix, k.location(), several),
              k.algorithm(),
              k.description(),
              k.publicKeySha256(),
              k.matchedCertificateSha256()));
    }
    for (MetadataEntry m : part.metadata()) {
      metadata.add(new MetadataEntry(join(prefix, m.title(), true), m.fields()));
    }
    for (ReadProblem p : part.problems()) {
      problems.add(new ReadProblem(join(prefix, p.location(), true), p.message()));
    }
  }

  private static String join(String prefix, String inner, boolean keepInner) {
    if (prefix.isEmpty()) {
      return inner;
    }
    return inner.isEmpty() || !keepInner ? prefix : prefix + " " + inner;
  }

  private static Map<String, String> with(Map<String, String> outer, Map<String, String> inner) {
    Map<String, String> m = new LinkedHashMap<>(outer);
    m.putAll(inner);
    return m;
  }

  Source source(String name, InputFormat format) {
    return new Source(name, format, certificates, keys, metadata, problems);
  }
}
