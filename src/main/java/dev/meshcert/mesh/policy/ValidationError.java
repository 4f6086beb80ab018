package dev.meshcert.mesh.policy;

/**
 * Why the API server (or istiod) would refuse an object.
 *
 * @param field the field path ("spec.portLevelMtls")
 * @param message what is wrong, worded as the API server words it
 */
public record ValidationError(String field, String message) {

  /** "spec.mtls.mode: Unsupported value: ...". */
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
