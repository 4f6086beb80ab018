package dev.meshcert.cli;

import dev.meshcert.core.finding.MeshProfile;
import java.util.Locale;
import java.util.Optional;

/** Parses {@code --profile}: istio, istio:TD, linkerd, linkerd:TD, spiffe. */
final class Profiles {

  private Profiles() {}

  static Optional<MeshProfile> parse(String text) {
    String[] parts = text.split(":", 2);
    String mesh = parts[0].toLowerCase(Locale.ROOT);
    Optional<String> domain =
        parts.length == 2 && !parts[1].isBlank() ? Optional.of(parts[1].strip()) : Optional.empty();
    if (parts.length == 2 && domain.isEmpty()) {
      return Optional.empty();
    }
    return switch (mesh) {
      case "istio" -> Optional.of(new MeshProfile.Istio(domain.orElse("cluster.local")));
      case "linkerd" ->
          Optional.of(
              domain
                  .<MeshProfile>map(d -> new MeshProfile.Linkerd(d, "linkerd"))
                  .orElse(MeshProfile.Linkerd.defaults()));
      case "spiffe" -> domain.isEmpty() ? Optional.of(new MeshProfile.Spiffe()) : Optional.empty();
      default -> Optional.empty();
    };
  }
}
