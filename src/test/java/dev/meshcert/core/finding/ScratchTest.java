package dev.meshcert.core.finding;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.testpki.TestPki;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void print() {
    for (String f :
        List.of(
            "go-spiffe/svid/x509svid/testdata/wrong-leaf-no-digital-signature.pem",
            "go-spiffe/svid/x509svid/testdata/good-leaf-and-intermediate.pem",
            "linkerd/cli/cmd/testdata/valid-crt.pem",
            "istio/samples/certs/workload-foo-cert.pem")) {
      List<CertificateFacts> certs = Certs.corpus(f);
      if (f.contains("linkerd"))
        certs =
            Certs.concat(certs, Certs.corpus("linkerd/cli/cmd/testdata/valid-trust-anchors.pem"));
      if (f.contains("istio"))
        certs = Certs.concat(certs, Certs.corpus("istio/samples/certs/root-cert.pem"));
      LintReport r = LintEngine.lint(certs, Certs.chains(certs), LintContext.at(TestPki.NOW));
      System.err.println("=== " + f + " chains=" + Certs.chains(certs).size());
      for (Finding x : Certs.all(r))
        System.err.println(
            "  " + x + "\n      " + x.explanation() + "\n      [" + x.reference() + "]");
    }
  }
}
