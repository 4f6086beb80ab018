package dev.meshcert.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The preferences that persist between runs. Immutable; change with the {@code with...} methods.
 * Values read from a file are clamped to their ranges, so a hand-edited file never breaks start.
 *
 * @param theme light, dark or follow the system
 * @param zoom interface zoom in percent, {@link #MIN_ZOOM} to {@link #MAX_ZOOM} in steps of 10
 * @param presentation presentation mode (larger type, high contrast, no clutter)
 * @param redact the redaction switch
 * @param redactNames with redaction, also hide namespace and pod names
 * @param expiringDays a certificate is "expiring" this many days before notAfter (1..3650)
 * @param expiringLifetimePercent ... or once this share of its lifetime has elapsed (1..100)
 * @param scanParallelism how many cluster requests a scan runs at once (1..32)
 * @param recentFiles most recent first, at most {@link #MAX_RECENT}
 */
public record Settings(
    Theme theme,
    int zoom,
    boolean presentation,
    boolean redact,
    boolean redactNames,
    int expiringDays,
    int expiringLifetimePercent,
    int scanParallelism,
    List<String> recentFiles) {

  public static final int MIN_ZOOM = 100;
  public static final int MAX_ZOOM = 200;
  public static final int MAX_RECENT = 10;

  /** What a first run starts with. */
  public static final Settings DEFAULTS =
      new Settings(Theme.SYSTEM, 100, false, false, false, 30, 80, 4, List.of());

  public Settings {
    zoom = clamp(Math.round(zoom / 10f) * 10, MIN_ZOOM, MAX_ZOOM);
    expiringDays = clamp(expiringDays, 1, 3650);
    expiringLifetimePercent = clamp(expiringLifetimePercent, 1, 100);
    scanParallelism = clamp(scanParallelism, 1, 32);
    recentFiles = List.copyOf(recentFiles.subList(0, Math.min(MAX_RECENT, recentFiles.size())));
  }

  public Settings withTheme(Theme t) {
    return new Settings(
        t,
        zoom,
        presentation,
        redact,
        redactNames,
        expiringDays,
        expiringLifetimePercent,
        scanParallelism,
        recentFiles);
  }

  public Settings withZoom(int z) {
    return new Settings(
        theme,
        z,
        presentation,
        redact,
        redactNames,
        expiringDays,
        expiringLifetimePercent,
        scanParallelism,
        recentFiles);
  }

  public Settings withPresentation(boolean p) {
    return new Settings(
        theme,
        zoom,
        p,
        redact,
        redactNames,
        expiringDays,
        expiringLifetimePercent,
        scanParallelism,
        recentFiles);
  }

  public Settings withRedaction(boolean on, boolean names) {
    return new Settings(
        theme,
        zoom,
        presentation,
        on,
        names,
        expiringDays,
        expiringLifetimePercent,
        scanParallelism,
        recentFiles);
  }

  public Settings withExpiry(int days, int lifetimePercent) {
    return new Settings(
        theme,
        zoom,
        presentation,
        redact,
        redactNames,
        days,
        lifetimePercent,
        scanParallelism,
        recentFiles);
  }

  public Settings withScanParallelism(int n) {
    return new Settings(
        theme,
        zoom,
        presentation,
        redact,
        redactNames,
        expiringDays,
        expiringLifetimePercent,
        n,
        recentFiles);
  }

  /** Puts {@code file} first in the recent list, without repeats. */
  public Settings withRecent(String file) {
    List<String> list = new ArrayList<>(recentFiles);
    list.remove(file);
    list.add(0, file);
    return withRecentFiles(list);
  }

  public Settings withRecentFiles(List<String> files) {
    return new Settings(
        theme,
        zoom,
        presentation,
        redact,
        redactNames,
        expiringDays,
        expiringLifetimePercent,
        scanParallelism,
        files);
  }

  /** As properties, for the settings file. */
  public Properties toProperties() {
    Properties p = new Properties();
    p.setProperty("theme", theme.name().toLowerCase(java.util.Locale.ROOT));
    p.setProperty("zoom", Integer.toString(zoom));
    p.setProperty("presentation", Boolean.toString(presentation));
    p.setProperty("redact", Boolean.toString(redact));
    p.setProperty("redact.names", Boolean.toString(redactNames));
    p.setProperty("expiry.days", Integer.toString(expiringDays));
    p.setProperty("expiry.lifetimePercent", Integer.toString(expiringLifetimePercent));
    p.setProperty("scan.parallelism", Integer.toString(scanParallelism));
    for (int i = 0; i < recentFiles.size(); i++) {
      p.setProperty("recent." + i, recentFiles.get(i));
    }
    return p;
  }

  /** From properties; missing or malformed values take their defaults. */
  public static Settings fromProperties(Properties p) {
    Settings d = DEFAULTS;
    List<String> recent = new ArrayList<>();
    for (int i = 0; i < MAX_RECENT; i++) {
      String f = p.getProperty("recent." + i);
      if (f != null && !f.isBlank()) {
        recent.add(f);
      }
    }
    return new Settings(
        Theme.parse(p.getProperty("theme")),
        integer(p, "zoom", d.zoom),
        bool(p, "presentation", d.presentation),
        bool(p, "redact", d.redact),
        bool(p, "redact.names", d.redactNames),
        integer(p, "expiry.days", d.expiringDays),
        integer(p, "expiry.lifetimePercent", d.expiringLifetimePercent),
        integer(p, "scan.parallelism", d.scanParallelism),
        recent);
  }

  private static int integer(Properties p, String key, int fallback) {
    try {
      return Integer.parseInt(p.getProperty(key, "").strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static boolean bool(Properties p, String key, boolean fallback) {
    String v = p.getProperty(key);
    return v == null ? fallback : Boolean.parseBoolean(v.strip());
  }

  private static int clamp(int v, int min, int max) {
    return Math.max(min, Math.min(max, v));
  }
}
