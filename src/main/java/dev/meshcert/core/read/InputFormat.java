package dev.meshcert.core.read;

/** The formats an input can be in, detected from its content, never from its file name. */
public enum InputFormat {
  PEM("PEM"),
  DER("DER"),
  BASE64_DER("base64 DER"),
  PKCS7("PKCS#7"),
  PKCS12("PKCS#12"),
  JKS("Java KeyStore"),
  KUBERNETES_OBJECT("Kubernetes object"),
  KUBECONFIG("kubeconfig"),
  ENVOY_CONFIG_DUMP("Envoy config_dump"),
  ENVOY_CERTS("Envoy /certs"),
  ZTUNNEL_CONFIG_DUMP("ztunnel config_dump"),
  UNKNOWN("unknown");

  private final String label;

  InputFormat(String label) {
    this.label = label;
  }

  /** A readable name for messages and the tree. */
  public String label() {
    return label;
  }
}
