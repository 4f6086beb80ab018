package dev.meshcert.mesh;

import dev.meshcert.core.read.FormatReader;
import dev.meshcert.mesh.envoy.EnvoyCertsReader;
import dev.meshcert.mesh.envoy.EnvoyConfigDumpReader;
import dev.meshcert.mesh.ztunnel.ZtunnelDumpReader;
import java.util.List;

/** The input readers {@code mesh} adds to core's: admin dumps of Envoy and ztunnel. */
public final class MeshReaders {

  private MeshReaders() {}

  /**
   * The readers, most specific first: a ztunnel dump, then Envoy {@code /certs}, then Envoy {@code
   * /config_dump} (the broadest markers).
   */
  public static List<FormatReader> all() {
    return List.of(new ZtunnelDumpReader(), new EnvoyCertsReader(), new EnvoyConfigDumpReader());
  }
}
