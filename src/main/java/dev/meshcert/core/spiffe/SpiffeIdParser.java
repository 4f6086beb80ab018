package dev.meshcert.core.spiffe;

import dev.meshcert.core.finding.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a string against the SPIFFE-ID specification and parses it. Unlike a validator that stops
 * at the first problem, it reports every rule the string breaks, so a person sees everything to fix
 * at once. Agrees with go-spiffe's {@code spiffeid.FromString} on which strings are valid
 * (go-spiffe also rejects an upper-case scheme, though SPIFFE-ID §2.4 calls the scheme
 * case-insensitive). Stateless and thread-safe.
 */
public final class SpiffeIdParser {

  /** The longest SPIFFE ID, in bytes, implementations must accept (SPIFFE-ID §2.3). */
  public static final int MAX_ID_BYTES = 2048;

  /** The longest trust domain name, in bytes (SPIFFE-ID §2.3, after RFC 3986's host limit). */
  public static final int MAX_TRUST_DOMAIN_BYTES = 255;

  private static final String SCHEME = "spiffe://";

  private SpiffeIdParser() {}

  /** Parses {@code input}; never throws, never returns null. */
  public static SpiffeIdResult parse(String input) {
    Collector c = new Collector();
    if (input.isEmpty()) {
      c.add(SpiffeIdRule.EMPTY, "");
      return c.result(input, "", "");
    }
    int sep = input.indexOf("://");
    if (input.startsWith(SCHEME)) {
      // the usual case
    } else if (input.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      c.add(SpiffeIdRule.SCHEME_CASE, "'" + input.substring(0, 6) + "'");
    } else if (sep < 0) {
      c.add(SpiffeIdRule.SCHEME, "no '://' after a scheme");
      return c.result(input, "", "");
    } else {
      c.add(SpiffeIdRule.SCHEME, "'" + input.substring(0, sep) + "'");
    }
    int start = sep + 3;
    String rest = input.substring(start);
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      c.add(SpiffeIdRule.FRAGMENT, "'" + rest.substring(hash) + "'");
      rest = rest.substring(0, hash);
    }
    int question = rest.indexOf('?');
    if (question >= 0) {
      c.add(SpiffeIdRule.QUERY, "'" + rest.substring(question) + "'");
      rest = rest.substring(0, question);
    }
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash);
    String host = checkAuthority(authority, start, c);
    checkPath(path, start + authority.length(), c);
    if (input.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
      c.add(
          SpiffeIdRule.LENGTH,
          input.getBytes(StandardCharsets.UTF_8).length + " bytes; some peers will refuse it");
    }
    return c.result(input, host, path);
  }

  /** Checks userinfo, port and host; returns the host. */
  private static String checkAuthority(String authority, int offset, Collector c) {
    String host = authority;
    int at = host.lastIndexOf('@');
    if (at >= 0) {
      c.add(SpiffeIdRule.USERINFO, "'" + host.substring(0, at + 1) + "'");
      offset += at + 1;
      host = host.substring(at + 1);
    }
    // In an IPv6 literal the colons belong to the address (itself not allowed: ID-6).
    int colon = host.indexOf(':', host.startsWith("[") ? Math.max(0, host.indexOf(']')) : 0);
    if (colon >= 0) {
      c.add(SpiffeIdRule.PORT, "'" + host.substring(colon) + "'");
      host = host.substring(0, colon);
    }
    if (host.isEmpty()) {
      c.add(SpiffeIdRule.TRUST_DOMAIN_MISSING, "");
      return host;
    }
    for (int i = 0; i < host.length(); i++) {
      char ch = host.charAt(i);
      if (ch == '%') {
        c.add(SpiffeIdRule.TRUST_DOMAIN_PERCENT, at(host, i, offset));
      } else if (ch >= 'A' && ch <= 'Z') {
        c.add(SpiffeIdRule.TRUST_DOMAIN_CASE, at(host, i, offset));
      } else if (!trustDomainChar(ch)) {
        c.add(SpiffeIdRule.TRUST_DOMAIN_CHARS, at(host, i, offset));
      }
    }
    int bytes = host.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_TRUST_DOMAIN_BYTES) {
      c.add(SpiffeIdRule.TRUST_DOMAIN_LENGTH, bytes + " bytes");
    }
    return host;
  }

  private static void checkPath(String path, int offset, Collector c) {
    if (path.isEmpty()) {
      return;
    }
    String[] segments = path.substring(1).split("/", -1);
    int pos = offset + 1;
    for (int s = 0; s < segments.length; s++) {
      String seg = segments[s];
      if (seg.isEmpty()) {
        if (s == segments.length - 1) {
          c.add(SpiffeIdRule.PATH_TRAILING_SLASH, "");
        } else {
          c.add(SpiffeIdRule.PATH_EMPTY_SEGMENT, "'//' at index " + (pos - 1));
        }
      } else if (seg.equals(".") || seg.equals("..")) {
        c.add(SpiffeIdRule.PATH_DOT_SEGMENT, "'/" + seg + "' at index " + (pos - 1));
      }
      for (int i = 0; i < seg.length(); i++) {
        char ch = seg.charAt(i);
        if (ch == '%') {
          c.add(SpiffeIdRule.PATH_PERCENT, at(seg, i, pos));
        } else if (!pathChar(ch)) {
          c.add(SpiffeIdRule.PATH_CHARS, at(seg, i, pos));
        }
      }
      pos += seg.length() + 1;
    }
  }

  private static String at(String s, int i, int offset) {
    int cp = s.codePointAt(i);
    String shown =
        cp < 0x20 || cp == 0x7f || Character.isWhitespace(cp)
            ? String.format("U+%04X", cp)
            : "'" + new String(Character.toChars(cp)) + "'";
    return shown + " at index " + (offset + i);
  }

  /** Lower-case letters, digits, dot, dash, underscore (SPIFFE-ID §2.1). */
  static boolean trustDomainChar(char ch) {
    return (ch >= 'a' && ch <= 'z')
        || (ch >= '0' && ch <= '9')
        || ch == '.'
        || ch == '-'
        || ch == '_';
  }

  /** Letters, digits, dot, dash, underscore (SPIFFE-ID §2.2). */
  static boolean pathChar(char ch) {
    return trustDomainChar(ch) || (ch >= 'A' && ch <= 'Z');
  }

  /** Keeps the first violation of each rule. */
  private static final class Collector {
    private final List<SpiffeIdViolation> violations = new ArrayList<>();
    private final Set<SpiffeIdRule> seen = EnumSet.noneOf(SpiffeIdRule.class);

    void add(SpiffeIdRule rule, String detail) {
      if (seen.add(rule)) {
        violations.add(new SpiffeIdViolation(rule, detail));
      }
    }

    SpiffeIdResult result(String input, String host, String path) {
      boolean valid = violations.stream().allMatch(v -> v.rule().severity() != Severity.ERROR);
      Optional<SpiffeId> id = valid ? Optional.of(new SpiffeId(host, path)) : Optional.empty();
      return new SpiffeIdResult(input, id, violations);
    }
  }
}
