package dev.meshcert.core.read;

import java.util.List;

/**
 * Everything read from one input: a file, stdin, the clipboard, or (later) a pod.
 *
 * @param name what the user knows the input by (a path, "stdin", "clipboard", "pod ns/name")
 * @param format the detected format
 * @param certificates the certificates, in input order
 * @param keys private keys recognised (described, never kept)
 * @param metadata certificate information without certificates
 * @param problems what could not be read; reading went on past each
 */
public record Source(
    String name,
    InputFormat format,
    List<CertificateEntry> certificates,
    List<KeyEntry> keys,
    List<MetadataEntry> metadata,
    List<ReadProblem> problems) {

  public Source {
    certificates = List.copyOf(certificates);
    keys = List.copyOf(keys);
    metadata = List.copyOf(metadata);
    problems = List.copyOf(problems);
  }

  /** A source that could not be read at all. */
  public static Source unreadable(String name, String reason) {
    return new Source(
        name,
        InputFormat.UNKNOWN,
        List.of(),
        List.of(),
        List.of(),
        List.of(new ReadProblem("", reason)));
  }

  /** Nothing at all was read from it. */
  public boolean isEmpty() {
    return certificates.isEmpty() && keys.isEmpty() && metadata.isEmpty();
  }

  /** "3 certificates read, 1 block skipped: bad base64 at line 40". */
  public String summary() {
    StringBuilder b = new StringBuilder();
    b.append(certificates.size())
        .append(certificates.size() == 1 ? " certificate" : " certificates");
    b.append(" read");
    if (!keys.isEmpty()) {
      b.append(", ")
          .append(keys.size())
          .append(keys.size() == 1 ? " private key" : " private keys");
    }
    if (!problems.isEmpty()) {
      b.append(", ")
          .append(problems.size())
          .append(problems.size() == 1 ? " problem: " : " problems: ")
          .append(problems.get(0));
      if (problems.size() > 1) {
        b.append(", …");
      }
    }
    return b.toString();
  }
}
