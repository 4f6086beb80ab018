package dev.meshcert.core.read;

/**
 * Something in an input that could not be read. Reading goes on past it.
 *
 * @param location where in the input, for a person ("block 3 at line 40", "data.tls.crt"), or ""
 *     when it concerns the whole input
 * @param message what went wrong ("bad base64")
 */
public record ReadProblem(String location, String message) {

  /** "bad base64 at line 40", or just the message. */
  @Override
  public String toString() {
    return location.isEmpty() ? message : message + " at " + location;
  }
}
