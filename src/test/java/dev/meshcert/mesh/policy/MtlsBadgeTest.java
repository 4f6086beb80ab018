package dev.meshcert.mesh.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshcert.mesh.workload.DataPlane;
import org.junit.jupiter.api.Test;

class MtlsBadgeTest {

  @Test
  void istioSidecarShowsTheEffectiveMode() {
    assertEquals(MtlsBadge.STRICT, MtlsBadge.of(DataPlane.ISTIO_SIDECAR, MtlsMode.STRICT));
  }

  @Test
  void podWithoutProxyIsPlainTextOnlyWhateverThePolicySays() {
    assertEquals(MtlsBadge.NO_SIDECAR, MtlsBadge.of(DataPlane.NONE, MtlsMode.STRICT));
    assertEquals("no sidecar: plain text only", MtlsBadge.NO_SIDECAR.label());
  }

  @Test
  void linkerdPodIsNotJudgedByPeerAuthentication() {
    assertEquals(MtlsBadge.OTHER_MESH, MtlsBadge.of(DataPlane.LINKERD, MtlsMode.STRICT));
  }
}
