package dev.meshcert.mesh.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.mesh.CorpusFiles;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Istio's ambient PeerAuthentication conversion cases
 * (pilot/pkg/serviceregistry/ambient/testdata/peer-authn-*): our resolution of the input policies
 * for the selected workload ({@code app=a}) must deny plain text on exactly the ports the converted
 * ztunnel policy denies. When the converter emits nothing, no port may differ from the
 * workload-wide mode (a uniform STRICT is pushed as Istio's static strict policy instead).
 */
class AmbientPeerAuthenticationCorpusTest {

  private static final String DIR = "istio/pilot/pkg/serviceregistry/ambient/testdata/";
  private static final String ROOT = "istio-system";

  static Stream<String> cases() {
    return CorpusFiles.list(DIR, "-in.yaml").stream()
        .map(f -> f.substring(0, f.length() - "-in.yaml".length()));
  }

  @Test
  void corpusHoldsNineteenPairs() {
    assertEquals(19, cases().count());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void plaintextIsDeniedOnTheSamePortsAsTheConvertedPolicy(String name) {
    List<PeerAuthentication> policies = policies(name);
    String namespace = workloadNamespace(policies);
    EffectiveMtls effective =
        new PeerAuthenticationResolver(ROOT, policies)
            .resolve(namespace + "/a", namespace, Map.of("app", "a"));
    Optional<Map<?, ?>> converted = converted(name);
    Set<Integer> probes = probePorts(policies);
    AuthorizationOracle oracle = new AuthorizationOracle(converted.orElse(null));

    if (converted.isPresent()) {
      assertEquals(
          denied(probes, oracle::deniesPlaintext),
          denied(probes, effective::deniesPlaintext),
          effective.describe());
    } else {
      assertTrue(
          effective.isUniform(), "no converted policy, yet ports differ:\n" + effective.describe());
    }
  }

  private static List<PeerAuthentication> policies(String name) {
    return PeerAuthenticationParser.parseYaml(CorpusFiles.text(DIR + name + "-in.yaml"), "default")
        .stream()
        .map(p -> p.policy().orElseThrow(() -> new AssertionError(p.errors().toString())))
        .toList();
  }

  /** The namespace of the workload the test selects: the selector policy's, else any non-root. */
  private static String workloadNamespace(List<PeerAuthentication> policies) {
    return policies.stream()
        .filter(PeerAuthentication::hasWorkloadSelector)
        .map(PeerAuthentication::namespace)
        .findFirst()
        .or(
            () ->
                policies.stream()
                    .map(PeerAuthentication::namespace)
                    .filter(ns -> !ns.equals(ROOT))
                    .findFirst())
        .orElse("default");
  }

  private static Optional<Map<?, ?>> converted(String name) {
    Object doc = new Yaml().load(CorpusFiles.text(DIR + name + ".yaml"));
    return Optional.ofNullable((Map<?, ?>) doc);
  }

  /** Every port named in the policies, plus two that none names. */
  private static Set<Integer> probePorts(List<PeerAuthentication> policies) {
    Set<Integer> ports = new TreeSet<>(Set.of(80, 12345));
    policies.forEach(p -> ports.addAll(p.portLevelMtls().keySet()));
    return ports;
  }

  private static Set<Integer> denied(Set<Integer> ports, java.util.function.IntPredicate denies) {
    return ports.stream().filter(denies::test).collect(Collectors.toCollection(TreeSet::new));
  }
}
