package dev.meshcert.core.read;

import java.util.Map;
import java.util.Optional;

/**
 * One {@code -----BEGIN X-----} ... {@code -----END X-----} block found in text.
 *
 * @param number 1-based position among the blocks of the text
 * @param line 1-based line of the BEGIN marker
 * @param label the type between BEGIN and the dashes ("CERTIFICATE", "EC PRIVATE KEY")
 * @param headers RFC 1421 headers before the body ("Proc-Type", "DEK-Info"), in order
 * @param body the base64 body with all whitespace removed (not yet decoded)
 * @param defect why the block is broken as a block (no END line, mismatched END), if it is
 */
record PemBlock(
    int number,
    int line,
    String label,
    Map<String, String> headers,
    String body,
    Optional<String> defect) {

  PemBlock {
    headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
  }

  /** "block 2 at line 40". */
  String location() {
    return "block " + number + " at line " + line;
  }

  /** Whether RFC 1421 headers say the body is encrypted (OpenSSL's traditional key format). */
  boolean encryptedByHeaders() {
    return headers.getOrDefault("Proc-Type", "").contains("ENCRYPTED");
  }
}
