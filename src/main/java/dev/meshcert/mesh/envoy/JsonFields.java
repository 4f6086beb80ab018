package dev.meshcert.mesh.envoy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads members of admin documents whatever their naming: Envoy serves {@code snake_case} ({@code
 * dynamic_active_secrets}), istioctl and protobuf JSON print {@code lowerCamelCase} ({@code
 * dynamicActiveSecrets}). Every method takes the snake_case name and also tries the camelCase one.
 * Absent members and members of the wrong JSON type read as absent; nothing returns null.
 */
public final class JsonFields {

  private JsonFields() {}

  /** The member, under its snake_case or camelCase name. */
  public static Optional<JsonElement> get(JsonObject object, String snakeName) {
    JsonElement value = object.get(snakeName);
    if (value == null || value.isJsonNull()) {
      value = object.get(camel(snakeName));
    }
    return value == null || value.isJsonNull() ? Optional.empty() : Optional.of(value);
  }

  /** The member when it is an object. */
  public static Optional<JsonObject> object(JsonObject object, String snakeName) {
    return get(object, snakeName)
        .filter(JsonElement::isJsonObject)
        .map(JsonElement::getAsJsonObject);
  }

  /** The member's elements when it is an array, else an empty list. */
  public static List<JsonElement> array(JsonObject object, String snakeName) {
    Optional<JsonArray> array =
        get(object, snakeName).filter(JsonElement::isJsonArray).map(JsonElement::getAsJsonArray);
    List<JsonElement> items = new ArrayList<>();
    array.ifPresent(a -> a.forEach(items::add));
    return items;
  }

  /** The member's objects when it is an array; elements that are not objects are skipped. */
  public static List<JsonObject> objects(JsonObject object, String snakeName) {
    return array(object, snakeName).stream()
        .filter(JsonElement::isJsonObject)
        .map(JsonElement::getAsJsonObject)
        .toList();
  }

  /** The member as text when it is a string, number or boolean. */
  public static Optional<String> string(JsonObject object, String snakeName) {
    return get(object, snakeName)
        .filter(JsonElement::isJsonPrimitive)
        .map(JsonElement::getAsString);
  }

  /** {@code dynamic_active_secrets} becomes {@code dynamicActiveSecrets}. */
  public static String camel(String snakeName) {
    StringBuilder b = new StringBuilder(snakeName.length());
    boolean upper = false;
    for (char c : snakeName.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        b.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return b.toString();
  }

  /** Whether the bytes contain this ASCII text; a plain scan, no decoding. */
  public static boolean contains(byte[] content, String ascii) {
    byte[] needle = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i <= content.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (content[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
