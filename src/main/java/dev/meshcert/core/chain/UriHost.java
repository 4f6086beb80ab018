package dev.meshcert.core.chain;

import java.util.Locale;
import java.util.Optional;

/**
 * The host of a URI, as name constraints see it: the authority without user info and port,
 * lowercased. For a SPIFFE ID that is its trust domain. Trust domains may contain underscores,
 * which {@link java.net.URI#getHost()} rejects, hence this small parser.
 */
final class UriHost {
  private UriHost() {}

  /** The host, or empty when the URI has no authority or an empty host. */
  static Optional<String> of(String uri) {
    int scheme = uri.indexOf("://");
    if (scheme <= 0) {
      return Optional.empty();
    }
    String rest = uri.substring(scheme + 3);
    int end = rest.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    String authority = rest.substring(0, end);
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    String host;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      host = close < 0 ? "" : authority.substring(0, close + 1);
    } else {
      int colon = authority.indexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
    }
    return host.isEmpty() ? Optional.empty() : Optional.of(host.toLowerCase(Locale.ROOT));
  }
}
