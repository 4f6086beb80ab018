package dev.meshcert.mesh.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeshConfigParserTest {

  @Test
  void readsTrustDomainAliasesAndRootNamespace() {
    MeshConfig c =
        MeshConfigParser.parse(
            """
            accessLogFile: /dev/stdout
            trustDomain: prod.example.com
            trustDomainAliases:
            - old.example.com
            - cluster.local
            rootNamespace: istio-config
            defaultConfig:
              discoveryAddress: istiod.istio-system.svc:15012
            """);
    assertEquals("prod.example.com", c.trustDomain());
    assertEquals(List.of("old.example.com", "cluster.local"), c.trustDomainAliases());
    assertEquals(Optional.of("istio-config"), c.rootNamespace());
    assertEquals(List.of(), c.problems());
  }

  @Test
  void missingTrustDomainIsClusterLocal() {
    assertEquals("cluster.local", MeshConfigParser.parse("enableTracing: true\n").trustDomain());
  }

  @Test
  void readsTheCaAddress() {
    MeshConfig c =
        MeshConfigParser.parse(
            "defaultConfig:\n  caAddress: cert-manager-istio-csr.cert-manager.svc:443\n");
    assertEquals(Optional.of("cert-manager-istio-csr.cert-manager.svc:443"), c.caAddress());
  }

  @Test
  void brokenYamlGivesDefaultsAndAProblem() {
    MeshConfig c = MeshConfigParser.parse("trustDomain: [x\n");
    assertEquals("cluster.local", c.trustDomain());
    assertTrue(c.problems().get(0).startsWith("mesh config is not valid YAML"));
  }
}
