package dev.meshcert.core.chain.limbo;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One x509-limbo testcase, as far as this validator uses it (schema of limbo @ ddc40b4). */
record LimboCase(
    String id,
    String validationKind,
    List<String> trustedCerts,
    List<String> untrustedIntermediates,
    String peerCertificate,
    Optional<String> validationTime,
    Optional<String> peerNameKind,
    Optional<String> peerNameValue,
    List<String> keyUsage,
    List<String> extendedKeyUsage,
    Optional<Integer> maxChainDepth,
    boolean signatureAlgorithmsGiven,
    List<String> features,
    boolean hasCrls,
    boolean expectSuccess) {

  static LimboCase of(JsonObject o) {
    Optional<JsonObject> peer = object(o, "expected_peer_name");
    return new LimboCase(
        o.get("id").getAsString(),
        o.get("validation_kind").getAsString(),
        strings(o, "trusted_certs"),
        strings(o, "untrusted_intermediates"),
        o.get("peer_certificate").getAsString(),
        string(o, "validation_time"),
        peer.map(p -> p.get("kind").getAsString()),
        peer.map(p -> p.get("value").getAsString()),
        strings(o, "key_usage"),
        strings(o, "extended_key_usage"),
        present(o, "max_chain_depth").map(JsonElement::getAsInt),
        present(o, "signature_algorithms").isPresent(),
        strings(o, "features"),
        !strings(o, "crls").isEmpty(),
        o.get("expected_result").getAsString().equals("SUCCESS"));
  }

  private static Optional<JsonElement> present(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() ? Optional.empty() : Optional.of(e);
  }

  private static Optional<JsonObject> object(JsonObject o, String key) {
    return present(o, key).map(JsonElement::getAsJsonObject);
  }

  private static Optional<String> string(JsonObject o, String key) {
    return present(o, key).map(JsonElement::getAsString);
  }

  private static List<String> strings(JsonObject o, String key) {
    List<String> out = new ArrayList<>();
    present(o, key).ifPresent(e -> e.getAsJsonArray().forEach(x -> out.add(x.getAsString())));
    return out;
  }
}
