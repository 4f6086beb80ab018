package dev.meshcert.ui.mesh;

/** Opens certificates elsewhere in the window (the Inspect screen), as if pasted there. */
@FunctionalInterface
public interface CertificateOpener {

  /**
   * @param name what to call the input ("bookinfo/ratings-v1 leaf")
   * @param pem the certificates, PEM, leaf first
   */
  void open(String name, String pem);
}
