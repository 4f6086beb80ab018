package dev.meshcert.core.read;

/**
 * Reads one input format. Implementations are stateless and thread-safe; {@code mesh} adds the
 * Envoy and ztunnel formats.
 */
public interface FormatReader {

  /** The format this reader produces. */
  InputFormat format();

  /** Whether the content looks like this format; cheap, looks at the bytes only. */
  boolean accepts(byte[] content);

  /**
   * Reads everything it can. Never throws for bad content: problems go into the source.
   *
   * @param name the input's name for messages
   */
  Source read(String name, byte[] content, PasswordProvider passwords);
}
