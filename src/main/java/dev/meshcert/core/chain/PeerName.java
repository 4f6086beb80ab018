package dev.meshcert.core.chain;

/**
 * A name the leaf must carry in its subjectAltName.
 *
 * @param kind which kind of name
 * @param value the name: "example.com", "192.0.2.1", "spiffe://cluster.local/ns/a/sa/b",
 *     "user@example.com"
 */
public record PeerName(Kind kind, String value) {

  /** The kinds of name a peer can be expected to have. */
  public enum Kind {
    /** A DNS host name; the leaf may carry it exactly or as a left-most wildcard. */
    DNS,
    /** An IPv4 or IPv6 address. */
    IP,
    /** A URI such as a SPIFFE ID, compared exactly (scheme and host case-insensitively). */
    URI,
    /** An email address (rfc822Name). */
    EMAIL
  }
}
