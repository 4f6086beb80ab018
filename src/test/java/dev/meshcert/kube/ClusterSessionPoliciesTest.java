package dev.meshcert.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.mesh.CorpusFiles;
import dev.meshcert.mesh.policy.EffectiveMtls;
import dev.meshcert.mesh.policy.MtlsMode;
import dev.meshcert.mesh.policy.ParsedPeerAuthentication;
import dev.meshcert.mesh.policy.PeerAuthenticationResolver;
import dev.meshcert.mesh.policy.PolicyRef;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PeerAuthentications through the custom objects API, seeded from the Istio corpus. */
class ClusterSessionPoliciesTest {

  private static final String AMBIENT = "istio/pilot/pkg/serviceregistry/ambient/testdata/";
  private MockCluster cluster;

  @BeforeEach
  void start() {
    cluster = new MockCluster();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void corpusPoliciesAreListedAcrossNamespacesAndResolve() throws Exception {
    cluster.seedYaml(
        MockCluster.PEER_AUTHENTICATION_V1,
        CorpusFiles.text(
            AMBIENT + "peer-authn-permissive-root-strict-namespace-permissive-workload-in.yaml"),
        "default");
    try (ClusterSession s = cluster.session(Optional.empty())) {
      PolicyListing listing = s.peerAuthentications(NamespaceScope.all(), Cancellation.none());
      assertEquals(Optional.of("security.istio.io/v1"), listing.apiVersion());
      assertEquals(3, listing.valid().size());
      EffectiveMtls e =
          new PeerAuthenticationResolver("istio-system", listing.valid())
              .resolve("foo/a", "foo", Map.of("app", "a"));
      assertEquals(MtlsMode.STRICT, e.mode());
      assertEquals(MtlsMode.PERMISSIVE, e.modeFor(9090));
      assertEquals(Optional.of(new PolicyRef("foo", "default-foo")), e.decision().policy());
    }
    assertEquals(
        List.of("GET /apis/security.istio.io/v1/peerauthentications?limit=500"),
        cluster.requestLines());
  }

  @Test
  void oneNamespaceIsListedThroughItsOwnPath() throws Exception {
    cluster.seedYaml(
        MockCluster.PEER_AUTHENTICATION_V1,
        CorpusFiles.text(
            AMBIENT + "peer-authn-permissive-root-strict-namespace-permissive-workload-in.yaml"),
        "default");
    try (ClusterSession s = cluster.session(Optional.empty())) {
      PolicyListing listing = s.peerAuthentications(NamespaceScope.of("foo"), Cancellation.none());
      assertEquals(
          List.of("default-foo", "workload"),
          listing.valid().stream().map(p -> p.name()).sorted().toList());
    }
    assertEquals(
        List.of("GET /apis/security.istio.io/v1/namespaces/foo/peerauthentications?limit=500"),
        cluster.requestLines());
  }

  @Test
  void invalidObjectStoredInTheClusterComesBackWithItsErrors() throws Exception {
    cluster.seedYaml(
        MockCluster.PEER_AUTHENTICATION_V1,
        """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: bad-mode, namespace: legacy}
        spec: {mtls: {mode: BLAH}}
        """,
        "default");
    try (ClusterSession s = cluster.session(Optional.empty())) {
      ParsedPeerAuthentication p =
          s.peerAuthentications(NamespaceScope.all(), Cancellation.none()).policies().get(0);
      assertTrue(
          p.errors().get(0).message().contains("Unsupported value: \"BLAH\""),
          p.errors().toString());
    }
  }

  @Test
  void clusterWithOnlyV1beta1IsReadThroughV1beta1() throws Exception {
    CustomResourceDefinitionContext beta =
        new CustomResourceDefinitionContext.Builder()
            .withGroup("security.istio.io")
            .withVersion("v1beta1")
            .withPlural("peerauthentications")
            .withKind("PeerAuthentication")
            .withScope("Namespaced")
            .build();
    cluster.expectCustomResource(beta);
    cluster.seedYaml(
        beta,
        """
        apiVersion: security.istio.io/v1beta1
        kind: PeerAuthentication
        metadata: {name: default, namespace: istio-system}
        spec: {mtls: {mode: STRICT}}
        """,
        "default");
    cluster.respond("/apis/security.istio.io/v1/peerauthentications", 404);
    try (ClusterSession s = cluster.session(Optional.empty())) {
      PolicyListing listing = s.peerAuthentications(NamespaceScope.all(), Cancellation.none());
      assertEquals(Optional.of("security.istio.io/v1beta1"), listing.apiVersion());
      assertEquals("security.istio.io/v1beta1", listing.valid().get(0).apiVersion());
    }
  }

  @Test
  void missingCrdIsANoteNotAFailure() throws Exception {
    cluster.respond("/apis/security.istio.io/v1/peerauthentications", 404);
    cluster.respond("/apis/security.istio.io/v1beta1/peerauthentications", 404);
    try (ClusterSession s = cluster.session(Optional.empty())) {
      PolicyListing listing = s.peerAuthentications(NamespaceScope.all(), Cancellation.none());
      assertEquals(List.of(), listing.policies());
      assertTrue(listing.notes().get(0).contains("not installed"), listing.notes().toString());
    }
  }

  @Test
  void forbiddenPolicyListNamesTheCustomResource() throws Exception {
    cluster.respond("/apis/security.istio.io/v1/peerauthentications", 403);
    try (ClusterSession s = cluster.session(Optional.empty())) {
      KubeException e =
          assertThrows(
              KubeException.class,
              () -> s.peerAuthentications(NamespaceScope.all(), Cancellation.none()));
      KubeFailure.Forbidden f = assertInstanceOf(KubeFailure.Forbidden.class, e.failure());
      assertEquals("peerauthentications.security.istio.io", f.operation().resource());
    }
  }
}
