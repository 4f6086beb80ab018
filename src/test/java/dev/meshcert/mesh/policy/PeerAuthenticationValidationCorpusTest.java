package dev.meshcert.mesh.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.mesh.CorpusFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The CRD validation cases of Istio (pkg/config/validation/testdata/crds/peerauth-*.yaml): each
 * object carries {@code _err}, the substring the API server's error must contain, or none when
 * valid (EXPECTATIONS.md §1.5).
 */
class PeerAuthenticationValidationCorpusTest {

  private static final String DIR = "istio/pkg/config/validation/testdata/crds/";

  static Stream<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    for (String file : List.of("peerauth-valid.yaml", "peerauth-invalid.yaml")) {
      for (Object doc : new Yaml().loadAll(CorpusFiles.text(DIR + file))) {
        Map<?, ?> object = (Map<?, ?>) doc;
        String name = String.valueOf(((Map<?, ?>) object.get("metadata")).get("name"));
        Object err = object.get("_err");
        all.add(Arguments.of(file + " " + name, object, err == null ? "" : err.toString()));
      }
    }
    return all.stream();
  }

  @Test
  void corpusHoldsTheEightDocumentedCases() {
    assertEquals(8, cases().count());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validatesLikeTheApiServer(String label, Map<?, ?> object, String expectedError) {
    List<ValidationError> errors = PeerAuthenticationValidator.validate(object);
    if (expectedError.isEmpty()) {
      assertEquals(List.of(), errors);
    } else {
      assertTrue(
          errors.stream().anyMatch(e -> e.toString().contains(expectedError)),
          "expected an error containing '" + expectedError + "', got " + errors);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parserKeepsExactlyTheValidObjects(String label, Map<?, ?> object, String expectedError) {
    ParsedPeerAuthentication parsed = PeerAuthenticationParser.parse(object, "default");
    assertEquals(expectedError.isEmpty(), parsed.policy().isPresent());
  }
}
