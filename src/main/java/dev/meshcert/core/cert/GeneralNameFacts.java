package dev.meshcert.core.cert;

/**
 * One entry of a subjectAltName or issuerAltName extension.
 *
 * @param type which GeneralName choice it is
 * @param value the value as text: DNS name, URI, IP address, RFC 4514 name, or OID=hex for other
 *     names
 */
public record GeneralNameFacts(Type type, String value) {

  /** The GeneralName choices of RFC 5280 section 4.2.1.6. */
  public enum Type {
    OTHER_NAME("othername"),
    EMAIL("email"),
    DNS("DNS"),
    X400("X400Name"),
    DIRECTORY_NAME("DirName"),
    EDI_PARTY("EdiPartyName"),
    URI("URI"),
    IP("IP Address"),
    REGISTERED_ID("Registered ID");

    private final String label;

    Type(String label) {
      this.label = label;
    }

    /** The label OpenSSL prints before the value, such as {@code DNS} or {@code URI}. */
    public String label() {
      return label;
    }
  }

  @Override
  public String toString() {
    return type.label() + ":" + value;
  }
}
