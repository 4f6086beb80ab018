package dev.meshcert.core.chain;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.List;

/**
 * Names the links of a path for messages: "leaf CN=a", "intermediate CN=b", "trust anchor CN=c".
 */
record Links(List<CertificateFacts> path, boolean anchored) {

  String label(int i) {
    return role(i) + " " + SignatureVerifier.label(path.get(i));
  }

  String role(int i) {
    if (i == 0) {
      return path.size() == 1 && anchored ? "trust anchor" : "leaf";
    }
    if (i == path.size() - 1) {
      return anchored ? "trust anchor" : "top certificate";
    }
    return "intermediate";
  }
}
