package dev.meshcert.mesh.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.mesh.workload.Workload;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeerAuthenticationResolverTest {

  private static final String ROOT = "istio-system";
  private static final Workload REVIEWS =
      Workload.builder("bookinfo", "reviews-v1-abc").label("app", "reviews").build();

  private static PeerAuthentication ns(String namespace, String name, MtlsMode mode) {
    return PeerAuthentication.namespaceWide(namespace, name, mode);
  }

  private static PeerAuthentication workload(
      String name, Map<String, String> selector, MtlsMode mode, Map<Integer, MtlsMode> ports) {
    return new PeerAuthentication(
        "security.istio.io/v1",
        "bookinfo",
        name,
        Optional.empty(),
        Optional.of(selector),
        mode,
        ports);
  }

  private static EffectiveMtls resolve(PeerAuthentication... policies) {
    return new PeerAuthenticationResolver(ROOT, List.of(policies)).resolve(REVIEWS);
  }

  @Test
  void noPolicyMeansPermissiveByDefault() {
    EffectiveMtls e = resolve();
    assertEquals(MtlsMode.PERMISSIVE, e.mode());
    assertEquals(PolicyScope.DEFAULT, e.decision().scope());
    assertEquals(List.of(), e.applied());
  }

  @Test
  void meshWidePolicyInTheRootNamespaceApplies() {
    EffectiveMtls e = resolve(ns(ROOT, "default", MtlsMode.STRICT));
    assertEquals(MtlsMode.STRICT, e.mode());
    assertEquals(Optional.of(new PolicyRef(ROOT, "default")), e.decision().policy());
    assertEquals(PolicyScope.MESH, e.decision().scope());
  }

  @Test
  void namespacePolicyOverridesTheMesh() {
    EffectiveMtls e =
        resolve(
            ns(ROOT, "default", MtlsMode.STRICT), ns("bookinfo", "default", MtlsMode.PERMISSIVE));
    assertEquals(MtlsMode.PERMISSIVE, e.mode());
    assertEquals(PolicyScope.NAMESPACE, e.decision().scope());
  }

  @Test
  void policyInAnotherNamespaceDoesNotApply() {
    EffectiveMtls e = resolve(ns("other", "default", MtlsMode.STRICT));
    assertEquals(MtlsMode.PERMISSIVE, e.mode());
  }

  @Test
  void workloadPolicyOverridesTheNamespace() {
    EffectiveMtls e =
        resolve(
            ns("bookinfo", "default", MtlsMode.PERMISSIVE),
            workload("reviews", Map.of("app", "reviews"), MtlsMode.STRICT, Map.of()));
    assertEquals(MtlsMode.STRICT, e.mode());
    assertEquals(PolicyScope.WORKLOAD, e.decision().scope());
  }

  @Test
  void workloadPolicyWhoseSelectorDoesNotMatchIsIgnored() {
    EffectiveMtls e =
        resolve(workload("ratings", Map.of("app", "ratings"), MtlsMode.STRICT, Map.of()));
    assertEquals(MtlsMode.PERMISSIVE, e.mode());
    assertEquals(List.of(), e.applied());
  }

  @Test
  void unsetNamespacePolicyInheritsTheMeshMode() {
    EffectiveMtls e =
        resolve(ns(ROOT, "default", MtlsMode.STRICT), ns("bookinfo", "default", MtlsMode.UNSET));
    assertEquals(MtlsMode.STRICT, e.mode());
    assertEquals(PolicyScope.MESH, e.decision().scope());
    assertEquals(2, e.applied().size());
  }

  @Test
  void portLevelModeOverridesTheWorkloadModeOnThatPortOnly() {
    EffectiveMtls e =
        resolve(
            workload(
                "reviews",
                Map.of("app", "reviews"),
                MtlsMode.STRICT,
                Map.of(9080, MtlsMode.PERMISSIVE)));
    assertEquals(MtlsMode.PERMISSIVE, e.modeFor(9080));
    assertEquals(PolicyScope.PORT, e.forPort(9080).scope());
    assertEquals(MtlsMode.STRICT, e.modeFor(8080));
  }

  @Test
  void unsetPortInheritsTheEffectiveWorkloadMode() {
    EffectiveMtls e =
        resolve(
            ns("bookinfo", "default", MtlsMode.STRICT),
            workload(
                "reviews", Map.of("app", "reviews"), MtlsMode.UNSET, Map.of(9080, MtlsMode.UNSET)));
    assertEquals(MtlsMode.STRICT, e.modeFor(9080));
    assertEquals(PolicyScope.NAMESPACE, e.forPort(9080).scope());
  }

  @Test
  void oldestNamespacePolicyWins() {
    EffectiveMtls e =
        resolve(
            ns("bookinfo", "a-newer", MtlsMode.STRICT)
                .createdAt(Instant.parse("2026-02-01T00:00:00Z")),
            ns("bookinfo", "z-older", MtlsMode.DISABLE)
                .createdAt(Instant.parse("2026-01-01T00:00:00Z")));
    assertEquals(MtlsMode.DISABLE, e.mode());
    assertTrue(
        e.notes().get(0).contains("the oldest, z-older.bookinfo, wins"), e.notes().toString());
  }

  @Test
  void sameCreationTimeIsBrokenByName() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    EffectiveMtls e =
        resolve(
            ns("bookinfo", "b", MtlsMode.STRICT).createdAt(t),
            ns("bookinfo", "a", MtlsMode.DISABLE).createdAt(t));
    assertEquals(MtlsMode.DISABLE, e.mode());
  }

  @Test
  void oldestMatchingWorkloadPolicyWins() {
    EffectiveMtls e =
        resolve(
            workload("second", Map.of("app", "reviews"), MtlsMode.DISABLE, Map.of())
                .createdAt(Instant.parse("2026-03-01T00:00:00Z")),
            workload("first", Map.of("app", "reviews"), MtlsMode.STRICT, Map.of())
                .createdAt(Instant.parse("2026-01-01T00:00:00Z")));
    assertEquals(Optional.of(new PolicyRef("bookinfo", "first")), e.decision().policy());
  }

  @Test
  void emptySelectorCountsAsNamespaceWide() {
    EffectiveMtls e = resolve(workload("empty", Map.of(), MtlsMode.STRICT, Map.of()));
    assertEquals(PolicyScope.NAMESPACE, e.decision().scope());
  }

  @Test
  void selectorPolicyInTheRootNamespaceIsIgnoredWithANote() {
    PeerAuthentication rootSelector =
        new PeerAuthentication(
            "security.istio.io/v1",
            ROOT,
            "reviews",
            Optional.empty(),
            Optional.of(Map.of("app", "reviews")),
            MtlsMode.STRICT,
            Map.of());
    EffectiveMtls e = resolve(rootSelector);
    assertEquals(MtlsMode.PERMISSIVE, e.mode());
    assertTrue(e.notes().get(0).contains("ignores workload selectors"), e.notes().toString());
  }

  @Test
  void describePrintsLikeIstioctl() {
    EffectiveMtls e =
        resolve(
            ns(ROOT, "default", MtlsMode.STRICT),
            workload(
                "reviews",
                Map.of("app", "reviews"),
                MtlsMode.UNSET,
                Map.of(9080, MtlsMode.PERMISSIVE)));
    assertEquals(
        """
        Effective PeerAuthentication:
           Workload mTLS mode: STRICT
           Port Level mTLS mode:
              9080: PERMISSIVE
        Applied PeerAuthentication:
           default.istio-system, reviews.bookinfo
        """,
        e.describe());
  }

  @Test
  void workloadInTheRootNamespaceOnlySeesMeshPolicies() {
    Workload istiod = Workload.builder(ROOT, "istiod-1").label("app", "istiod").build();
    EffectiveMtls e =
        new PeerAuthenticationResolver(ROOT, List.of(ns(ROOT, "default", MtlsMode.STRICT)))
            .resolve(istiod);
    assertEquals(PolicyScope.MESH, e.decision().scope());
  }
}
