package dev.meshcert.ui.cluster;

/**
 * An entry of the context switcher: a kubeconfig context or the demo mesh.
 *
 * @param name the context name ("demo" for the demo mesh)
 * @param demo whether it is the built-in demo mesh
 */
public record ContextChoice(String name, boolean demo) {

  /** The demo mesh entry. */
  public static ContextChoice demoMesh() {
    return new ContextChoice("demo", true);
  }

  /** A kubeconfig context. */
  public static ContextChoice context(String name) {
    return new ContextChoice(name, false);
  }
}
