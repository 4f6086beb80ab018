package dev.meshcert.core.cert;

/** The bits of the keyUsage extension (RFC 5280 section 4.2.1.3), in bit order. */
public enum KeyUsageBit {
  DIGITAL_SIGNATURE("Digital Signature"),
  NON_REPUDIATION("Non Repudiation"),
  KEY_ENCIPHERMENT("Key Encipherment"),
  DATA_ENCIPHERMENT("Data Encipherment"),
  KEY_AGREEMENT("Key Agreement"),
  KEY_CERT_SIGN("Certificate Sign"),
  CRL_SIGN("CRL Sign"),
  ENCIPHER_ONLY("Encipher Only"),
  DECIPHER_ONLY("Decipher Only");

  private final String label;

  KeyUsageBit(String label) {
    this.label = label;
  }

  /** The name OpenSSL prints. */
  public String label() {
    return label;
  }
}
