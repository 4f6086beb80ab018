package dev.meshcert.ui.common;

import dev.meshcert.core.expiry.ExpiryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The persisted preferences, live: keeps {@link Settings} in step with the {@link Appearance}
 * (theme, zoom, presentation) and the {@link Redactor} switches, and saves every change through the
 * {@link SettingsStore}. Use on the FX thread, except {@link #expiryPolicy()}, which any thread may
 * call.
 */
public final class Preferences {

  private final SettingsStore store;
  private final Appearance appearance;
  private final Redactor redactor;
  private final ReadOnlyObjectWrapper<Settings> settings;
  private volatile Settings snapshot;

  /**
   * @param initial the settings read at start (the store's {@link SettingsStore#load()})
   */
  public Preferences(
      SettingsStore store, Settings initial, Appearance appearance, Redactor redactor) {
    this.store = store;
    this.appearance = appearance;
    this.redactor = redactor;
    this.settings = new ReadOnlyObjectWrapper<>(this, "settings", initial);
    this.snapshot = initial;
    push(initial);
    appearance.zoomProperty().addListener((o, a, b) -> change(s -> s.withZoom(b.intValue())));
    appearance.themeProperty().addListener((o, a, b) -> change(s -> s.withTheme(b)));
    appearance.presentationProperty().addListener((o, a, b) -> change(s -> s.withPresentation(b)));
    redactor
        .enabledProperty()
        .addListener((o, a, b) -> change(s -> s.withRedaction(b, s.redactNames())));
    redactor.namesProperty().addListener((o, a, b) -> change(s -> s.withRedaction(s.redact(), b)));
  }

  /** The settings now. */
  public ReadOnlyObjectProperty<Settings> settingsProperty() {
    return settings.getReadOnlyProperty();
  }

  /** The settings now. */
  public Settings get() {
    return settings.get();
  }

  /** Changes settings (from the preferences dialog), applies and saves them. */
  public void update(UnaryOperator<Settings> change) {
    Settings next = change.apply(settings.get());
    push(next);
    change(s -> next);
  }

  /** Puts opened files at the top of the recent list. */
  public void addRecent(List<Path> files) {
    change(
        s -> {
          Settings out = s;
          for (int i = files.size() - 1; i >= 0; i--) {
            out = out.withRecent(files.get(i).toAbsolutePath().normalize().toString());
          }
          return out;
        });
  }

  /** Forgets the recent files. */
  public void clearRecent() {
    change(s -> s.withRecentFiles(List.of()));
  }

  /** When a certificate counts as expiring, from the preferences; callable from any thread. */
  public ExpiryPolicy expiryPolicy() {
    Settings s = snapshot;
    return new ExpiryPolicy(Duration.ofDays(s.expiringDays()), s.expiringLifetimePercent() / 100.0);
  }

  private void push(Settings s) {
    appearance.zoomProperty().set(s.zoom());
    appearance.themeProperty().set(s.theme());
    appearance.presentationProperty().set(s.presentation());
    redactor.enabledProperty().set(s.redact());
    redactor.namesProperty().set(s.redactNames());
  }

  private void change(UnaryOperator<Settings> change) {
    Settings next = change.apply(settings.get());
    if (!next.equals(settings.get())) {
      settings.set(next);
      snapshot = next;
      store.save(next);
    }
  }
}
