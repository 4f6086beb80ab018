package dev.meshcert.core.redact;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks sensitive values in text: the one redaction service every screen, copy, export and log line
 * goes through. Pure and thread-safe; immutable apart from the shared {@link KnownValues} book it
 * learns names from.
 *
 * <p>Three policies:
 *
 * <ul>
 *   <li>{@link #off()}: private keys only. Private key PEM blocks are masked by every policy, so a
 *       private key is never shown, copied, exported or logged.
 *   <li>{@link #forLogs()}: also tokens, passwords, JWTs and long base64 values (Secret data).
 *   <li>{@link #forScreenShare(boolean, KnownValues)}: also serial numbers, fingerprints, key IDs,
 *       PEM bodies, server URLs and IP addresses; and, when {@code names} is set, namespace and pod
 *       names (from SPIFFE IDs, {@code svc} DNS names and every value learned in the book).
 * </ul>
 *
 * <p>Two ways in:
 *
 * <ul>
 *   <li>{@link #text(String)} for free text: finds sensitive values by their shape and by the
 *       values learned in the book. Use it for everything shown, copied or exported.
 *   <li>{@link #value(Sensitive, String)} for a value whose kind the caller knows (a pod name in a
 *       table cell): masked whenever this policy masks that kind, whatever it looks like. It also
 *       learns the value, so {@link #text} masks it elsewhere too.
 * </ul>
 *
 * <p>Masks are placeholders such as {@code ‹serial-1›}, {@code ‹ns-2›}, {@code ‹server-1›}:
 * numbered per value, so equal values stay recognisably equal on a shared screen. Applying a policy
 * to its own output changes nothing.
 */
public final class Redaction {

  /** How much a policy masks, from least to most. */
  public enum Level {
    KEYS,
    SECRETS,
    SCREEN_SHARE
  }

  private static final Pattern PRIVATE_KEY =
      Pattern.compile(
          "-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----.*?(?:-----END \\1-----|\\z)", Pattern.DOTALL);
  private static final Pattern CERTIFICATE_BODY =
      Pattern.compile(
          "(-----BEGIN ([A-Z0-9 ]+)-----\\s*)([A-Za-z0-9+/=\\s]+?)(\\s*-----END \\2-----)");
  private static final Pattern JWT =
      Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
  private static final Pattern BEARER =
      Pattern.compile("(?i)(\\bbearer\\s+)(?!\u2039)([^\\s\"',;]+)");
  private static final Pattern SECRET_FIELD =
      Pattern.compile(
          "(?i)(\\b(?:token|(?:id|refresh|access)[-_]?token|password|passwd|pwd|secret"
              + "|client[-_]?secret|client[-_]?key[-_]?data|api[-_]?key|authorization)"
              + "\"?\\s*[:=]\\s*\"?)"
              + "(?!\u2039)([^\\s\"',;}]+)");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{40,}={0,2}");
  private static final Pattern URL =
      Pattern.compile("(?i)\\b(?:https?|tcp|grpc|wss?)://[^\\s\"'<>)\\]]+");
  private static final Pattern IPV4 =
      Pattern.compile("(?<![\\w.])(?:\\d{1,3}\\.){3}\\d{1,3}(?::\\d{1,5})?(?![\\w.])");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]{2,}\\](?::\\d{1,5})?");
  private static final Pattern COLON_HEX =
      Pattern.compile("(?<![\\w:])[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){3,}:?(?!\\w)");
  private static final Pattern LONG_NUMBER =
      Pattern.compile("(?<![\\w.:-])(?:0x[0-9A-Fa-f]{8,}|[0-9A-Fa-f]{16,}|\\d{12,})(?![\\w.:-])");
  private static final Pattern SPIFFE_NS = Pattern.compile("(/ns/)([A-Za-z0-9._-]+)");
  private static final Pattern SVC_NS =
      Pattern.compile("(?<=[A-Za-z0-9-]\\.)([a-z0-9][a-z0-9-]*)(?=\\.svc\\b)");
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_-]+(?::[A-Za-z0-9_-]+)*");

  private final Level level;
  private final boolean names;
  private final KnownValues known;

  private Redaction(Level level, boolean names, KnownValues known) {
    this.level = level;
    this.names = names;
    this.known = Objects.requireNonNull(known);
  }

  /** Masks private keys only: what the screen shows with the redaction switch off. */
  public static Redaction off() {
    return new Redaction(Level.KEYS, false, new KnownValues());
  }

  /**
   * A policy of this level sharing a book of learned values.
   *
   * @param names also mask namespace and pod names (only at {@link Level#SCREEN_SHARE})
   */
  public static Redaction of(Level level, boolean names, KnownValues known) {
    return new Redaction(level, names, known);
  }

  /** Masks private keys, tokens, passwords and Secret data: for log files. */
  public static Redaction forLogs() {
    return new Redaction(Level.SECRETS, false, new KnownValues());
  }

  /**
   * Masks everything a shared screen should not show.
   *
   * @param names also mask namespace and pod names
   * @param known values learned from the data shown (pods, servers, serials), shared across calls
   */
  public static Redaction forScreenShare(boolean names, KnownValues known) {
    return new Redaction(Level.SCREEN_SHARE, names, known);
  }

  /** This policy's level. */
  public Level level() {
    return level;
  }

  /** Whether namespace and pod names are masked. */
  public boolean masksNames() {
    return names;
  }

  /** The book of learned values this policy uses. */
  public KnownValues known() {
    return known;
  }

  /** Whether this policy masks values of this kind. */
  public boolean masks(Sensitive kind) {
    return switch (kind) {
      case PRIVATE_KEY -> true;
      case TOKEN -> level.compareTo(Level.SECRETS) >= 0;
      case SERIAL, FINGERPRINT, SERVER -> level == Level.SCREEN_SHARE;
      case NAMESPACE, POD -> level == Level.SCREEN_SHARE && names;
    };
  }

  /**
   * A value of a known kind, masked if this policy masks that kind; learned so that free text
   * mentioning it is masked too.
   *
   * @param value the value; null is treated as empty
   * @return the value or its placeholder, never null
   */
  public String value(Sensitive kind, String value) {
    String v = value == null ? "" : value;
    if (v.isBlank()) {
      return v;
    }
    known.learn(kind, v);
    return masks(kind) ? known.pseudonym(kind, v.strip()) : v;
  }

  /**
   * Free text with every sensitive value this policy masks replaced by a placeholder.
   *
   * @param text any text; null is treated as empty
   * @return the masked text, never null
   */
  public String text(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String t = text;
    if (t.contains("PRIVATE KEY")) {
      t = replace(PRIVATE_KEY, t, m -> placeholder(Sensitive.PRIVATE_KEY.word()));
    }
    if (level.compareTo(Level.SECRETS) >= 0) {
      t = secrets(t);
    }
    if (level == Level.SCREEN_SHARE) {
      t = shareable(t);
      t = learned(t);
    }
    return t;
  }

  private String secrets(String t) {
    t = replace(JWT, t, m -> mask(Sensitive.TOKEN, m.group()));
    t = replace(BEARER, t, m -> m.group(1) + mask(Sensitive.TOKEN, m.group(2)));
    t = replace(SECRET_FIELD, t, m -> m.group(1) + mask(Sensitive.TOKEN, m.group(2)));
    if (level == Level.SCREEN_SHARE) {
      t = replace(CERTIFICATE_BODY, t, m -> m.group(1) + placeholder("pem") + m.group(4));
    }
    return replace(BASE64, t, m -> blob(m.group()));
  }

  /**
   * A long base64-looking run: Secret data or key material is masked at every level from SECRETS
   * up; hex and digit runs (fingerprints, serials) only on a shared screen, where they get their
   * own kind.
   */
  private String blob(String run) {
    if (isHex(run)) {
      return level == Level.SCREEN_SHARE ? mask(hexKind(run), run) : null;
    }
    return randomLooking(run) ? mask(blobKind(), run) : null;
  }

  private Sensitive blobKind() {
    // On a shared screen long base64 is mostly SPKI pins and key material; in logs, Secret data.
    return level == Level.SCREEN_SHARE ? Sensitive.FINGERPRINT : Sensitive.TOKEN;
  }

  private String shareable(String t) {
    t = replace(URL, t, m -> mask(Sensitive.SERVER, m.group()));
    t = replace(IPV6, t, m -> mask(Sensitive.SERVER, m.group()));
    t = replace(IPV4, t, m -> mask(Sensitive.SERVER, m.group()));
    t = replace(COLON_HEX, t, m -> mask(hexKind(m.group()), m.group()));
    t = replace(LONG_NUMBER, t, m -> mask(hexKind(m.group()), m.group()));
    if (names) {
      t = replace(SPIFFE_NS, t, m -> m.group(1) + mask(Sensitive.NAMESPACE, m.group(2)));
      t = replace(SVC_NS, t, m -> mask(Sensitive.NAMESPACE, m.group(1)));
    }
    return t;
  }

  private String learned(String t) {
    if (known.isEmpty()) {
      return t;
    }
    for (Map.Entry<String, Sensitive> e : known.compoundValues()) {
      if (masks(e.getValue())) {
        t = replaceIgnoringCase(t, e.getKey(), known.pseudonym(e.getValue(), e.getKey()));
      }
    }
    return replace(WORD, t, m -> learnedWord(m.group()));
  }

  private String learnedWord(String word) {
    var kind = known.kindOf(word);
    if (kind.isPresent()) {
      return masks(kind.get()) ? known.pseudonym(kind.get(), word) : null;
    }
    if (word.indexOf(':') < 0) {
      return null;
    }
    // "shop:8080" or "cart:http": the parts may be learned names.
    String[] parts = word.split(":", -1);
    boolean changed = false;
    for (int i = 0; i < parts.length; i++) {
      var k = known.kindOf(parts[i]);
      if (k.isPresent() && masks(k.get())) {
        parts[i] = known.pseudonym(k.get(), parts[i]);
        changed = true;
      }
    }
    return changed ? String.join(":", parts) : null;
  }

  /**
   * What a run of hex or digits is: what it was learned as (serials are learned from the data),
   * else a fingerprint when it has a digest's length, else a serial.
   */
  private Sensitive hexKind(String value) {
    String v = value.endsWith(":") ? value.substring(0, value.length() - 1) : value;
    var learned = known.kindOf(v);
    if (learned.isPresent()) {
      return learned.get();
    }
    String digits = v.replace(":", "");
    if (digits.chars().allMatch(Character::isDigit)) {
      return Sensitive.SERIAL;
    }
    int n = digits.startsWith("0x") ? digits.length() - 2 : digits.length();
    return n == 40 || n == 64 || n == 128 ? Sensitive.FINGERPRINT : Sensitive.SERIAL;
  }

  private String mask(Sensitive kind, String value) {
    return known.pseudonym(kind, value);
  }

  /** Base64 of random bytes mixes upper case, lower case and digits; paths and words do not. */
  private static boolean randomLooking(String s) {
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
      digit |= c >= '0' && c <= '9';
    }
    return upper && lower && digit;
  }

  private static boolean isHex(String s) {
    return s.length() >= 40 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0);
  }

  /** Whether a learned value is one word (found by word) rather than a phrase (found by search). */
  static boolean isWord(String value) {
    return WORD.matcher(value).matches();
  }

  /** A placeholder as shown: {@code ‹word›}. */
  static String placeholder(String word) {
    return "\u2039" + word + "\u203a";
  }

  private static String replace(Pattern p, String text, Function<Matcher, String> by) {
    Matcher m = p.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length());
    int last = 0;
    do {
      String r = by.apply(m);
      if (r != null) {
        b.append(text, last, m.start()).append(r);
        last = m.end();
      }
    } while (m.find());
    return b.append(text, last, text.length()).toString();
  }

  private static String replaceIgnoringCase(String text, String lowerNeedle, String by) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.length() != text.length() || !lower.contains(lowerNeedle)) {
      return text.replace(lowerNeedle, by);
    }
    StringBuilder b = new StringBuilder(text.length());
    int from = 0;
    int at;
    while ((at = lower.indexOf(lowerNeedle, from)) >= 0) {
      b.append(text, from, at).append(by);
      from = at + lowerNeedle.length();
    }
    return b.append(text, from, text.length()).toString();
  }
}
