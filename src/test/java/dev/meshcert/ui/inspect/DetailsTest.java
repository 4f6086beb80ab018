package dev.meshcert.ui.inspect;

import static dev.meshcert.ui.inspect.InspectViewModelTest.group;
import static dev.meshcert.ui.inspect.InspectViewModelTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetailsTest {

  @TempDir Path dir;
  final Certs certs = new Certs();
  final ViewModelFixture f = new ViewModelFixture();

  private Details detailsOf(String certificate) {
    f.model.selectedProperty().set(f.certificateNamed(certificate));
    return f.model.detailsProperty().get();
  }

  @Test
  void certificateShowsEveryGroupInOrder() {
    f.model.addPaths(List.of(Certs.write(dir, "a.pem", certs.workload, certs.intermediate)));

    List<String> titles =
        detailsOf("spiffe://cluster.local/ns/shop/sa/cart").groups().stream()
            .map(FieldGroup::title)
            .toList();

    assertEquals(
        List.of(
            "Overview",
            "Subject and issuer",
            "Validity",
            "SPIFFE ID",
            "Public key",
            "Signature",
            "Extensions",
            "Fingerprints",
            "Text view",
            "PEM"),
        titles);
  }

  @Test
  void serialIsShownInHexAndDecimal() {
    var leaf =
        certs
            .pki
            .leaf(certs.root)
            .subject("CN=serial")
            .serial(BigInteger.valueOf(4096 + 255))
            .issue();
    f.model.addPaths(List.of(Certs.write(dir, "a.pem", leaf)));

    FieldGroup names = group(detailsOf("serial"), "Subject and issuer");

    assertEquals("10:FF", value(names, "Serial (hex)"));
    assertEquals("4351", value(names, "Serial (decimal)"));
  }

  @Test
  void emptySubjectIsShownAsEmpty() {
    f.model.addPaths(List.of(Certs.write(dir, "a.pem", certs.workload)));

    FieldGroup names =
        group(detailsOf("spiffe://cluster.local/ns/shop/sa/cart"), "Subject and issuer");

    assertEquals("(empty)", value(names, "Subject"));
  }

  @Test
  void validityShowsRelativeTimeAndElapsedShare() {
    f.model.addPaths(List.of(Certs.write(dir, "a.pem", certs.expired)));

    FieldGroup validity = group(detailsOf("old-gateway"), "Validity");

    assertTrue(
        value(validity, "Not after").endsWith("(12 days ago)"), value(validity, "Not after"));
    Field elapsed =
        validity.fields().stream()
            .filter(x -> x.kind() == FieldKind.ELAPSED)
            .findFirst()
            .orElseThrow();
    assertEquals(1.0, elapsed.fraction().orElseThrow());
    assertTrue(elapsed.marks().contains(Mark.EXPIRED));
  }

  @Test
  void fingerprintsAreColonSeparatedUppercase() {
    f.model.addPaths(List.of(Certs.write(dir, "a.pem", certs.root)));

    String sha256 = value(group(detailsOf("Mesh Root"), "Fingerprints"), "SHA-256");

    assertEquals(32 * 3 - 1, sha256.length());
    assertTrue(sha256.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), sha256);
  }

  @Test
  void pemGroupHoldsTheCertificatePem() {
    f.model.addPaths(List.of(Certs.write(dir, "a.pem", certs.root)));

    assertEquals(
        certs.root.pem().replace("\r\n", "\n"), value(group(detailsOf("Mesh Root"), "PEM"), "PEM"));
  }

  @Test
  void everyExtensionIsListedWithItsCriticalFlag() {
    f.model.addPaths(List.of(Certs.write(dir, "a.pem", certs.root)));

    List<String> labels =
        group(detailsOf("Mesh Root"), "Extensions").fields().stream().map(Field::label).toList();

    assertEquals(certs.root.facts().extensions().size(), labels.size());
    assertTrue(labels.stream().anyMatch(l -> l.endsWith("(critical)")), labels.toString());
  }

  @Test
  void sourceDetailsListItsProblems() {
    f.model.addPaths(List.of(dir.resolve("gone.pem")));
    f.model.selectedProperty().set(f.roots().get(0));

    FieldGroup problems = group(f.model.detailsProperty().get(), "Problems");

    assertEquals("No such file.", problems.fields().get(0).value());
  }

  @Test
  void everyGroupHasATitle() {
    for (GroupId id : GroupId.values()) {
      assertTrue(!ViewModelFixture.MESSAGES.get(id.messageKey()).isBlank(), id.name());
    }
  }
}
