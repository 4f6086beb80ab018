package dev.meshcert.mesh.ztunnel;

import com.google.gson.JsonElement;
import dev.meshcert.core.read.ReadProblem;
import java.util.List;

/**
 * The certificates of a ztunnel {@code /config_dump} (its {@code certificates} list), or of {@code
 * istioctl ztunnel-config certificates -o json} (that list alone).
 *
 * @param certificates in document order
 * @param problems undecodable PEMs, and one problem per element whose JSON metadata contradicts its
 *     PEM
 */
public record ZtunnelDump(List<ZtunnelCertificate> certificates, List<ReadProblem> problems) {

  public ZtunnelDump {
    certificates = List.copyOf(certificates);
    problems = List.copyOf(problems);
  }

  /** Reads a parsed dump; never throws. */
  public static ZtunnelDump of(JsonElement root) {
    return new ZtunnelDumpParser().parse(root);
  }
}
