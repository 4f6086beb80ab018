package dev.meshcert.mesh.workload;

import java.util.Map;

/**
 * A pod volume, reduced to what matters for certificates.
 *
 * @param name the volume name
 * @param kind what backs it
 * @param source the CSI driver, Secret name or ConfigMap name; "" for other kinds
 * @param attributes CSI volume attributes (cert-manager issuer, SPIFFE options); empty otherwise
 */
public record Volume(String name, Kind kind, String source, Map<String, String> attributes) {

  /** Copies the attributes. */
  public Volume {
    attributes = Map.copyOf(attributes);
  }

  /** A CSI volume served by {@code driver}. */
  public static Volume csi(String name, String driver, Map<String, String> attributes) {
    return new Volume(name, Kind.CSI, driver, attributes);
  }

  /** A volume from a Secret. */
  public static Volume secret(String name, String secretName) {
    return new Volume(name, Kind.SECRET, secretName, Map.of());
  }

  /** What backs a volume. */
  public enum Kind {
    CSI,
    SECRET,
    CONFIG_MAP,
    PROJECTED,
    EMPTY_DIR,
    HOST_PATH,
    DOWNWARD_API,
    OTHER
  }
}
