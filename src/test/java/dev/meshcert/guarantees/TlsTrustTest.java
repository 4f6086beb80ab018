package dev.meshcert.guarantees;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No trust-all anywhere: the only code of ours that lets a TLS connection go on past a certificate
 * it has not verified is the probe's {@code RecordingTrustManager}, which always reports its
 * verdict ("verification SKIPPED" without a root; {@code MtlsProbeTest} checks that it is
 * reported). The kubeconfig's own {@code insecure-skip-tls-verify}, which kubectl honours too, is
 * handed to the official client in {@code ClientFactory} only, and {@code Kubeconfig.resolve} warns
 * about it before connecting.
 */
class TlsTrustTest {

  private static final String PROBE_TRUST = "dev.meshcert.probe.RecordingTrustManager";
  private static final String KUBE_CLIENT = "dev.meshcert.kube.ClientFactory";

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.meshcert");
  }

  @Test
  void onlyTheProbeImplementsATrustManager() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(PROBE_TRUST)
        .should()
        .beAssignableTo(TrustManager.class)
        .because("a trust manager of our own is where trust-all hides; the probe's reports")
        .check(main);
  }

  @Test
  void noClassImplementsAHostnameVerifier() {
    noClasses()
        .should()
        .beAssignableTo(HostnameVerifier.class)
        .because("host names are checked by the JDK or the official client, never waved through")
        .check(main);
  }

  @Test
  void noCodeChangesTheJvmWideTlsDefaults() {
    noClasses()
        .should()
        .callMethod(HttpsURLConnection.class, "setDefaultHostnameVerifier", HostnameVerifier.class)
        .orShould()
        .callMethod(
            HttpsURLConnection.class,
            "setDefaultSSLSocketFactory",
            javax.net.ssl.SSLSocketFactory.class)
        .orShould()
        .callMethod(SSLContext.class, "setDefault", SSLContext.class)
        .because("one connection's choices must never weaken every other connection")
        .check(main);
  }

  @Test
  void onlyTheProbeBuildsItsOwnSslContext() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.meshcert.probe..")
        .should()
        .callMethodWhere(
            DescribedPredicate.describe(
                "SSLContext.init or TrustManagerFactory.init",
                (JavaMethodCall call) ->
                    call.getName().equals("init")
                        && (call.getTargetOwner().isAssignableTo(SSLContext.class)
                            || call.getTargetOwner().isAssignableTo(TrustManagerFactory.class))))
        .because("the Kubernetes client's TLS is configured by the official client from the CA")
        .check(main);
  }

  @Test
  void onlyTheKubeconfigsInsecureFlagTurnsOffApiServerVerification() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(KUBE_CLIENT)
        .should()
        .callMethod(ApiClient.class, "setVerifyingSsl", boolean.class)
        .orShould()
        .callMethod(ClientBuilder.class, "setVerifyingSsl", boolean.class)
        .because("only a kubeconfig's insecure-skip-tls-verify may do it, and it is warned about")
        .check(main);
  }

  /**
   * What ArchUnit cannot see (a trust-all built by reflection or named in text): the usual phrases
   * of trust-all code do not appear in the main sources.
   */
  @Test
  void noTrustAllIdiomInTheSources() throws IOException {
    Pattern idioms =
        Pattern.compile(
            "InsecureTrustManagerFactory|TrustAllStrategy|NoopHostnameVerifier"
                + "|ALLOW_ALL_HOSTNAME_VERIFIER|trustAll|TrustAll|setVerifyingSsl\\(false\\)"
                + "|return true;\\s*//\\s*trust|getAcceptedIssuers\\(\\)\\s*\\{\\s*return null");
    List<String> hits;
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
      hits =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> idioms.matcher(read(p)).find())
              .map(Path::toString)
              .toList();
    }
    assertEquals(List.of(), hits);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
