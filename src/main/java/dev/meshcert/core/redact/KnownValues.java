package dev.meshcert.core.redact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Values known to be sensitive, and the numbered pseudonyms they are shown as ({@code ‹ns-1›},
 * {@code ‹pod-3›}): the same value always gets the same pseudonym within one book, so people
 * sharing a redacted screen can still tell two pods apart. Thread-safe; grows as screens learn
 * values (pod lists, kubeconfig servers, certificate serials). Values are matched without regard to
 * case, except namespace and pod names, which Kubernetes keeps in lower case and which are matched
 * exactly (the namespace "linkerd" is not the product name "Linkerd").
 */
public final class KnownValues {

  /** Values shorter than this are not learned: masking "1" or "ab" everywhere hides too much. */
  public static final int MIN_LENGTH = 3;

  private final Map<String, Sensitive> kinds = new ConcurrentHashMap<>();
  private final Map<String, String> names = new ConcurrentHashMap<>();
  private final Map<String, Sensitive> compound = new ConcurrentHashMap<>();
  private final Map<String, String> pseudonyms = new ConcurrentHashMap<>();
  private final Map<Sensitive, AtomicInteger> counters = new EnumMap<>(Sensitive.class);
  private final AtomicInteger version = new AtomicInteger();

  public KnownValues() {
    for (Sensitive s : Sensitive.values()) {
      counters.put(s, new AtomicInteger());
    }
  }

  /** Learns one value of this kind; blank and very short values are ignored. */
  public void learn(Sensitive kind, String value) {
    if (value == null || value.strip().length() < MIN_LENGTH) {
      return;
    }
    String key = key(value.strip());
    Map<String, Sensitive> into = Redaction.isWord(key) ? kinds : compound;
    if (into.putIfAbsent(key, kind) == null) {
      if (kind == Sensitive.NAMESPACE || kind == Sensitive.POD) {
        names.put(key, value.strip());
      }
      version.incrementAndGet();
    }
  }

  /** Learns several values of one kind. */
  public void learnAll(Sensitive kind, Collection<String> values) {
    values.forEach(v -> learn(kind, v));
  }

  /** The kind of a learned value, if it was learned. */
  public Optional<Sensitive> kindOf(String value) {
    String key = key(value);
    Sensitive kind = kinds.get(key);
    if (kind != null && names.containsKey(key) && !names.get(key).equals(value)) {
      // Kubernetes names are lower case: "Linkerd" in a sentence is not the namespace "linkerd".
      return Optional.empty();
    }
    return Optional.ofNullable(kind);
  }

  /** Whether nothing was learned yet. */
  public boolean isEmpty() {
    return kinds.isEmpty() && compound.isEmpty();
  }

  /**
   * Learned values with dots, slashes or spaces in them (host names, URLs), which are found by
   * search rather than word by word; longest first, lower case.
   */
  List<Map.Entry<String, Sensitive>> compoundValues() {
    List<Map.Entry<String, Sensitive>> list = new ArrayList<>(compound.entrySet());
    list.sort(
        Comparator.comparingInt((Map.Entry<String, Sensitive> e) -> e.getKey().length())
            .reversed());
    return list;
  }

  /** Goes up each time a new value is learned; lets callers notice that redaction changed. */
  public int version() {
    return version.get();
  }

  /** The placeholder for this value: {@code ‹ns-2›}; stable for the life of this book. */
  public String pseudonym(Sensitive kind, String value) {
    return pseudonyms.computeIfAbsent(
        kind.name() + '\u0000' + key(value),
        k -> Redaction.placeholder(kind.word() + "-" + counters.get(kind).incrementAndGet()));
  }

  private static String key(String value) {
    return value.toLowerCase(Locale.ROOT);
  }
}
