package dev.meshcert.mesh.envoy;

import com.google.gson.JsonElement;
import dev.meshcert.core.read.ReadProblem;
import java.util.List;

/**
 * The secrets of an Envoy config dump: the full {@code /config_dump} (or {@code istioctl
 * proxy-config all -o json}) with its {@code configs} list, or a lone {@code SecretsConfigDump} as
 * {@code istioctl proxy-config secret -o json|yaml} prints it.
 *
 * @param secrets active, then warming, then static secrets, each in document order
 * @param configTypes the short {@code @type} of every config in the dump ("SecretsConfigDump",
 *     "ClustersConfigDump", ...), empty for a lone secrets dump
 * @param hasSecretsConfig whether the dump has a {@code SecretsConfigDump} at all
 * @param problems what could not be read (bad base64, undecodable certificates)
 */
public record SecretsDump(
    List<EnvoySecret> secrets,
    List<String> configTypes,
    boolean hasSecretsConfig,
    List<ReadProblem> problems) {

  public SecretsDump {
    secrets = List.copyOf(secrets);
    configTypes = List.copyOf(configTypes);
    problems = List.copyOf(problems);
  }

  /** Reads the secrets of a parsed dump; never throws. */
  public static SecretsDump of(JsonElement root) {
    return new SecretsDumpParser().parse(root);
  }
}
