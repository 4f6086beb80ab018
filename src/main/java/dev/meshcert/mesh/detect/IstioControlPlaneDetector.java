package dev.meshcert.mesh.detect;

import dev.meshcert.mesh.workload.ConfigMapData;
import dev.meshcert.mesh.workload.Container;
import dev.meshcert.mesh.workload.SecretInfo;
import dev.meshcert.mesh.workload.WorkloadResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Finds istiod revisions and legacy Citadel per namespace, their mesh config and CA mode. */
final class IstioControlPlaneDetector {

  List<IstioControlPlane> detect(ControlPlaneInputs in) {
    Set<String> namespaces = new LinkedHashSet<>();
    in.resources().stream()
        .filter(r -> isIstiod(r) || isCitadel(r))
        .forEach(r -> namespaces.add(r.namespace()));
    List<IstioControlPlane> planes = new ArrayList<>();
    for (String ns : namespaces) {
      List<IstiodRevision> revisions =
          in.resources().stream()
              .filter(r -> r.namespace().equals(ns) && isIstiod(r))
              .map(r -> revision(r, in))
              .sorted(
                  Comparator.comparing((IstiodRevision r) -> !r.revision().equals("default"))
                      .thenComparing(IstiodRevision::revision))
              .toList();
      Optional<WorkloadResource> citadel =
          in.resources().stream().filter(r -> r.namespace().equals(ns) && isCitadel(r)).findFirst();
      List<String> evidence = new ArrayList<>();
      CaMode mode = caMode(ns, revisions, in, evidence);
      Optional<String> root =
          in.configMap(ns, "istio-ca-root-cert").map(c -> c.data().get("root-cert.pem"));
      planes.add(new IstioControlPlane(ns, revisions, citadel, mode, evidence, root));
    }
    return planes;
  }

  static boolean isIstiod(WorkloadResource r) {
    return r.kind() == WorkloadResource.Kind.DEPLOYMENT
        && ("istiod".equals(r.labels().get("app"))
            || r.name().equals("istiod")
            || r.name().startsWith("istiod-"));
  }

  static boolean isCitadel(WorkloadResource r) {
    return r.kind() == WorkloadResource.Kind.DEPLOYMENT
        && ("citadel".equals(r.labels().get("istio")) || r.name().equals("istio-citadel"));
  }

  private static IstiodRevision revision(WorkloadResource r, ControlPlaneInputs in) {
    String rev = r.labels().get("istio.io/rev");
    if (rev == null || rev.isEmpty()) {
      rev = r.name().startsWith("istiod-") ? r.name().substring("istiod-".length()) : "default";
    }
    Optional<String> version =
        r.containers().stream()
            .filter(c -> c.name().equals("discovery"))
            .findFirst()
            .or(() -> r.containers().stream().findFirst())
            .flatMap(Container::imageTag);
    String mapName = rev.equals("default") ? "istio" : "istio-" + rev;
    Optional<ConfigMapData> map = in.configMap(r.namespace(), mapName);
    MeshConfig config =
        map.map(m -> m.data().get("mesh"))
            .map(MeshConfigParser::parse)
            .orElseGet(
                () ->
                    MeshConfig.defaults()
                        .withProblem(
                            "ConfigMap "
                                + r.namespace()
                                + "/"
                                + mapName
                                + (map.isPresent() ? " has no mesh key" : " not found")
                                + ": showing Istio's defaults"));
    return new IstiodRevision(rev, r, version, config, map.map(ConfigMapData::name));
  }

  private static CaMode caMode(
      String ns, List<IstiodRevision> revisions, ControlPlaneInputs in, List<String> evidence) {
    for (IstiodRevision r : revisions) {
      for (Container c : r.deployment().containers()) {
        String external = c.env().get("EXTERNAL_CA");
        if (external != null && !external.isEmpty()) {
          evidence.add("istiod (" + r.revision() + ") env EXTERNAL_CA=" + external);
          return CaMode.EXTERNAL;
        }
        if ("false".equalsIgnoreCase(c.env().get("ENABLE_CA_SERVER"))) {
          evidence.add("istiod (" + r.revision() + ") env ENABLE_CA_SERVER=false");
          return CaMode.EXTERNAL;
        }
      }
      Optional<String> ca = r.meshConfig().caAddress();
      if (ca.isPresent() && !ca.get().contains("istiod")) {
        evidence.add("mesh config defaultConfig.caAddress=" + ca.get());
        return CaMode.EXTERNAL;
      }
    }
    if (in.secrets().isEmpty()) {
      evidence.add("Secrets in " + ns + " could not be listed");
      return CaMode.UNKNOWN;
    }
    Optional<SecretInfo> cacerts = in.secret(ns, "cacerts");
    Optional<SecretInfo> selfSigned = in.secret(ns, "istio-ca-secret");
    if (cacerts.isPresent()) {
      evidence.add("Secret " + ns + "/cacerts with " + String.join(", ", sorted(cacerts.get())));
      selfSigned.ifPresent(
          s ->
              evidence.add(
                  "Secret "
                      + ns
                      + "/istio-ca-secret also present: istiod ignores it while"
                      + " cacerts exists"));
      return CaMode.PLUGGED_IN;
    }
    if (selfSigned.isPresent()) {
      evidence.add(
          "Secret " + ns + "/istio-ca-secret with " + String.join(", ", sorted(selfSigned.get())));
      return CaMode.SELF_SIGNED;
    }
    evidence.add("neither cacerts nor istio-ca-secret in " + ns);
    return CaMode.UNKNOWN;
  }

  private static Set<String> sorted(SecretInfo s) {
    return new TreeSet<>(s.keys());
  }
}
