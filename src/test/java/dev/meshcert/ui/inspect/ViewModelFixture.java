package dev.meshcert.ui.inspect;

import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.SyncTaskRunner;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** A view model wired to fakes, plus tree lookups. */
final class ViewModelFixture {

  static final Messages MESSAGES = Messages.load(Locale.ROOT);

  final PemInspection inspection = new PemInspection();
  final InspectionService service;
  final FakeDialogs dialogs = new FakeDialogs();
  final FakeClipboard clipboard = new FakeClipboard();
  final SyncTaskRunner runner;
  final InspectViewModel model;

  ViewModelFixture() {
    this(SyncTaskRunner.immediate());
  }

  ViewModelFixture(SyncTaskRunner runner) {
    this(runner, null);
  }

  /** A view model wired to {@code service} instead of {@link PemInspection}. */
  ViewModelFixture(InspectionService service) {
    this(SyncTaskRunner.immediate(), service);
  }

  private ViewModelFixture(SyncTaskRunner runner, InspectionService service) {
    this.runner = runner;
    this.service = service == null ? inspection : service;
    this.model =
        new InspectViewModel(
            this.service,
            new InputLoader(MESSAGES),
            runner,
            dialogs,
            clipboard,
            c -> "TEXT OF " + c.displayName(),
            MESSAGES);
  }

  List<InspectNode> roots() {
    return model.treeProperty().get();
  }

  /** The first node, depth first, that passes the test. */
  Optional<InspectNode> find(Predicate<InspectNode> test) {
    return find(roots(), test);
  }

  static Optional<InspectNode> find(List<InspectNode> nodes, Predicate<InspectNode> test) {
    for (InspectNode n : nodes) {
      if (test.test(n)) {
        return Optional.of(n);
      }
      Optional<InspectNode> below = find(n.children(), test);
      if (below.isPresent()) {
        return below;
      }
    }
    return Optional.empty();
  }

  InspectNode certificateNamed(String label) {
    return find(n -> n.data() instanceof InspectNode.CertificateData && n.label().equals(label))
        .orElseThrow(() -> new AssertionError("no certificate node " + label + " in " + roots()));
  }
}
