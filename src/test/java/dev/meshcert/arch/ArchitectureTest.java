package dev.meshcert.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package edges of docs/architecture.md, each with its reason. */
class ArchitectureTest {

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.meshcert");
  }

  @Test
  void coreAndMeshArePure() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.meshcert.core..", "dev.meshcert.mesh..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "io.kubernetes..", "java.awt..", "javax.swing..")
        .because("core and mesh are plain data and logic, testable without a screen or a cluster")
        .check(main);
  }

  @Test
  void coreDependsOnNothingOfOurs() {
    noClasses()
        .that()
        .resideInAPackage("dev.meshcert.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.meshcert.mesh..",
            "dev.meshcert.kube..",
            "dev.meshcert.probe..",
            "dev.meshcert.cli..",
            "dev.meshcert.ui..",
            "dev.meshcert.app..")
        .because("core is the foundation every other package builds on")
        .check(main);
  }

  @Test
  void meshDependsOnlyOnCore() {
    noClasses()
        .that()
        .resideInAPackage("dev.meshcert.mesh..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.meshcert.kube..",
            "dev.meshcert.probe..",
            "dev.meshcert.cli..",
            "dev.meshcert.ui..",
            "dev.meshcert.app..")
        .because("mesh knowledge is pure and must not know how it is fetched or shown")
        .check(main);
  }

  @Test
  void onlyKubeTalksToKubernetes() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.meshcert.kube..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.kubernetes..")
        .because(
            "API objects are turned into mesh records at one boundary, so the rest of the app"
                + " survives client upgrades and can be tested without a cluster")
        .check(main);
  }

  @Test
  void kubeAndProbeDoNotKnowTheirCallers() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.meshcert.kube..", "dev.meshcert.probe..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.meshcert.cli..", "dev.meshcert.ui..", "dev.meshcert.app..")
        .because("services are shared by the GUI and the CLI")
        .check(main);
  }

  @Test
  void kubeDoesNotDependOnProbe() {
    noClasses()
        .that()
        .resideInAPackage("dev.meshcert.kube..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.meshcert.probe..")
        .because("probes run through kube, not the other way round")
        .check(main);
  }

  @Test
  void cliAndUiAreIndependent() {
    noClasses()
        .that()
        .resideInAPackage("dev.meshcert.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.meshcert.ui..", "javafx..")
        .because("the CLI must run on machines without a display")
        .check(main);
    noClasses()
        .that()
        .resideInAPackage("dev.meshcert.ui..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.meshcert.cli..")
        .because("the GUI and the CLI are two front ends over the same services")
        .check(main);
  }

  @Test
  void mainCodeNeverUsesTheFabric8Mock() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.fabric8..", "okhttp3.mockwebserver..")
        .because("the fabric8 mock server is a test tool; the app speaks the official client only")
        .check(main);
  }

  @Test
  void viewModelsDoNotTouchTheSceneGraph() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("ViewModel")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx.scene..", "javafx.stage..")
        .because("view models are tested without a screen; views do the binding")
        .check(main);
  }

  @Test
  void uiScreensHaveNoCycles() {
    slices()
        .matching("dev.meshcert.ui.(*)..")
        .should()
        .beFreeOfCycles()
        .because("screens share code only through ui.common")
        .check(main);
  }

  @Test
  void noConsoleOutputOutsideCli() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.meshcert.cli..", "dev.meshcert.app..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .because("output goes through the logger, or the CLI's own writer")
        .check(main);
  }

  @Test
  void noPrintStackTrace() {
    noClasses()
        .should()
        .callMethod(Throwable.class, "printStackTrace")
        .because("errors are logged once where handled, or shown to the user with causes")
        .check(main);
  }
}
