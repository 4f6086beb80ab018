package dev.meshcert.ui.common;

import dev.meshcert.core.redact.KnownValues;
import dev.meshcert.core.redact.Redaction;
import dev.meshcert.core.redact.Sensitive;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;

/**
 * The redaction switch of the window and the one place screens ask what may be shown. Wraps the
 * pure {@link Redaction} of core with JavaFX properties. One per window, made by the composition
 * root and handed to every screen by constructor; use it on the FX thread (the {@link #policy()} it
 * hands out is immutable and may be used from any thread, for example by export work).
 *
 * <h2>How screens use it</h2>
 *
 * <ul>
 *   <li><b>Text on screen</b> is covered without work: the window installs a {@link ScreenGuard}
 *       that passes every {@code Text} node and read-only text control of every window through
 *       {@link #text(String)} before it is painted. Values found by their shape (serials,
 *       fingerprints, PEM bodies, tokens, URLs, IP addresses, SPIFFE namespaces) are masked there.
 *   <li><b>Names</b> cannot be found by their shape: screens that show pods, namespaces or servers
 *       call {@link #value(Sensitive, String)} for each cell (or {@link #learn} when the data
 *       arrives), so the same name is masked wherever it appears, including free text.
 *   <li><b>Copies and exports</b>: copy through the {@link ClipboardService} the composition root
 *       gives you (already {@link #clipboard wrapped}); pass anything you write to a file through
 *       {@link #text(String)} or through {@link #policy()} on a worker thread.
 *   <li><b>Bindings</b>: {@link #text(ObservableValue)} follows both the value and the switch.
 *   <li>Private keys are masked by every policy, switch on or off.
 * </ul>
 */
public final class Redactor {

  private final KnownValues known;
  private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", false);
  private final BooleanProperty names = new SimpleBooleanProperty(this, "names", false);
  private final ReadOnlyObjectWrapper<Redaction> policy =
      new ReadOnlyObjectWrapper<>(this, "policy");
  private final IntegerProperty learned = new SimpleIntegerProperty(this, "learned", 0);

  /** A switch that starts off, with an empty book of learned values. */
  public Redactor() {
    this(new KnownValues());
  }

  /**
   * @param known the book of learned values; background services may learn into it too
   */
  public Redactor(KnownValues known) {
    this.known = known;
    enabled.addListener((o, a, b) -> update());
    names.addListener((o, a, b) -> update());
    update();
  }

  /** The switch: mask serials, fingerprints, tokens and server addresses. */
  public BooleanProperty enabledProperty() {
    return enabled;
  }

  /** Whether the switch is on. */
  public boolean isEnabled() {
    return enabled.get();
  }

  /** With the switch on, also mask namespace and pod names. */
  public BooleanProperty namesProperty() {
    return names;
  }

  /** The policy in force; changes when either switch changes. */
  public ReadOnlyObjectProperty<Redaction> policyProperty() {
    return policy.getReadOnlyProperty();
  }

  /** The policy in force: immutable, usable from any thread. */
  public Redaction policy() {
    return policy.get();
  }

  /** Goes up when new values are learned; the screen guard re-masks shown text then. */
  public ReadOnlyIntegerProperty learnedProperty() {
    return learned;
  }

  /** The book of learned values. */
  public KnownValues known() {
    return known;
  }

  /** Free text as it may be shown, copied or exported now. Never null. */
  public String text(String text) {
    return policy().text(text);
  }

  /** A value of a known kind as it may be shown now; also learned for free text. Never null. */
  public String value(Sensitive kind, String value) {
    int before = known.version();
    String shown = policy().value(kind, value);
    noticeLearned(before);
    return shown;
  }

  /** Learns values of one kind (pods of a namespace, a kubeconfig's servers) without showing. */
  public void learn(Sensitive kind, Collection<String> values) {
    int before = known.version();
    known.learnAll(kind, values);
    noticeLearned(before);
  }

  /** Learns one value. */
  public void learn(Sensitive kind, String value) {
    learn(kind, List.of(value));
  }

  /**
   * Notices values learned straight into the {@link #known()} book by background work (which must
   * not touch properties), so text already on screen is masked again. FX thread.
   */
  public void refreshLearned() {
    learned.set(known.version());
  }

  /** A binding of the text as it may be shown: follows the value, the switch and learning. */
  public StringBinding text(ObservableValue<String> source) {
    return Bindings.createStringBinding(
        () -> text(source.getValue()), source, policy.getReadOnlyProperty(), learned);
  }

  /** A binding of a value of a known kind as it may be shown. */
  public StringBinding value(Sensitive kind, ObservableValue<String> source) {
    return Bindings.createStringBinding(
        () -> value(kind, source.getValue()), source, policy.getReadOnlyProperty());
  }

  /** A clipboard that redacts all text put on it with the policy in force at the time. */
  public ClipboardService clipboard(ClipboardService delegate) {
    return new ClipboardService() {
      @Override
      public void putText(String text) {
        delegate.putText(Redactor.this.text(text));
      }

      @Override
      public Optional<String> text() {
        return delegate.text();
      }

      @Override
      public List<java.nio.file.Path> files() {
        return delegate.files();
      }
    };
  }

  private void noticeLearned(int before) {
    if (known.version() != before) {
      learned.set(known.version());
    }
  }

  private void update() {
    policy.set(
        enabled.get()
            ? Redaction.of(Redaction.Level.SCREEN_SHARE, names.get(), known)
            : Redaction.of(Redaction.Level.KEYS, false, known));
  }
}
