package dev.meshcert.mesh.envoy;

import static dev.meshcert.mesh.envoy.JsonFields.string;

import com.google.gson.JsonObject;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.read.ReadProblem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads an Envoy {@code config.core.v3.DataSource}: {@code inline_bytes} (base64 in JSON), {@code
 * inline_string}, {@code filename} or {@code environment_variable}. Only inline data is in a dump;
 * the others are described.
 */
final class DataSources {

  private DataSources() {}

  /** What a data source held. */
  record Data(
      List<CertificateFacts> certificates, Optional<String> external, List<ReadProblem> problems) {}

  static Data read(JsonObject source, String location) {
    Optional<String> bytes = string(source, "inline_bytes");
    if (bytes.isPresent()) {
      byte[] pem;
      try {
        pem = Base64.getMimeDecoder().decode(bytes.get().strip());
      } catch (IllegalArgumentException e) {
        return problem(location, "inline_bytes is not valid base64");
      }
      return decoded(location, pem);
    }
    Optional<String> text = string(source, "inline_string");
    if (text.isPresent()) {
      return decoded(location, text.get().getBytes(StandardCharsets.UTF_8));
    }
    Optional<String> file = string(source, "filename");
    if (file.isPresent()) {
      return external("file " + file.get() + " (on the proxy, not in the dump)");
    }
    Optional<String> variable = string(source, "environment_variable");
    if (variable.isPresent()) {
      return external("environment variable " + variable.get() + " (not in the dump)");
    }
    return new Data(List.of(), Optional.empty(), List.of());
  }

  private static Data decoded(String location, byte[] pem) {
    EmbeddedPem.Decoded decoded = EmbeddedPem.decode(location, pem);
    return new Data(decoded.certificates(), Optional.empty(), decoded.problems());
  }

  private static Data external(String description) {
    return new Data(List.of(), Optional.of(description), List.of());
  }

  private static Data problem(String location, String message) {
    List<ReadProblem> problems = new ArrayList<>();
    problems.add(new ReadProblem(location, message));
    return new Data(List.of(), Optional.empty(), problems);
  }
}
