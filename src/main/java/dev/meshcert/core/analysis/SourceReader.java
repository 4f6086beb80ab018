package dev.meshcert.core.analysis;

import dev.meshcert.core.read.PasswordProvider;
import dev.meshcert.core.read.Source;

/**
 * Reads one input into a source: detects the format and reads everything it can. The standard one
 * is {@code InputReader::read}; the CLI and the app add the mesh formats. Implementations never
 * throw for bad content: problems go into the source.
 */
@FunctionalInterface
public interface SourceReader {

  /**
   * @param name the input's name for messages
   * @param content the raw bytes
   * @param passwords asked when a keystore needs a password
   */
  Source read(String name, byte[] content, PasswordProvider passwords);
}
