package dev.meshcert.mesh.ztunnel;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.read.CertificateEntry;
import dev.meshcert.core.read.FormatReader;
import dev.meshcert.core.read.InputFormat;
import dev.meshcert.core.read.MetadataEntry;
import dev.meshcert.core.read.PasswordProvider;
import dev.meshcert.core.read.ReadProblem;
import dev.meshcert.core.read.Source;
import dev.meshcert.mesh.envoy.AdminDocument;
import dev.meshcert.mesh.envoy.DumpContext;
import dev.meshcert.mesh.envoy.JsonFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the certificates of a ztunnel {@code /config_dump} ({@code certificates[]} with {@code
 * certChain} and, in newer versions, {@code rootCert}), whole or as {@code istioctl ztunnel-config
 * certificates -o json} prints it. Each certificate carries its identity, state (as given and
 * collapsed) and role; where ztunnel's JSON metadata contradicts the PEM, the entry gets a {@link
 * DumpContext#METADATA_MISMATCH} context value and the source a problem. Identities without a
 * certificate become metadata entries. Stateless.
 */
public final class ZtunnelDumpReader implements FormatReader {

  @Override
  public InputFormat format() {
    return InputFormat.ZTUNNEL_CONFIG_DUMP;
  }

  @Override
  public boolean accepts(byte[] content) {
    if (!AdminDocument.mayBeDocument(content)) {
      return false;
    }
    boolean certs =
        JsonFields.contains(content, "certChain") || JsonFields.contains(content, "rootCert");
    boolean dump =
        JsonFields.contains(content, "workloadState")
            || (JsonFields.contains(content, "\"certificates\"")
                && JsonFields.contains(content, "\"workloads\""));
    return (certs && JsonFields.contains(content, "identity")) || dump;
  }

  @Override
  public Source read(String name, byte[] content, PasswordProvider passwords) {
    AdminDocument document = AdminDocument.parse(content);
    List<ReadProblem> problems = new ArrayList<>(document.problems());
    List<CertificateEntry> entries = new ArrayList<>();
    List<MetadataEntry> metadata = new ArrayList<>();
    document
        .tree()
        .ifPresent(
            tree -> {
              ZtunnelDump dump = ZtunnelDump.of(tree);
              problems.addAll(dump.problems());
              for (ZtunnelCertificate c : dump.certificates()) {
                add(c, entries, metadata);
              }
            });
    return new Source(name, format(), entries, List.of(), metadata, problems);
  }

  private static void add(
      ZtunnelCertificate c, List<CertificateEntry> entries, List<MetadataEntry> metadata) {
    List<ZtunnelCert> all = c.all();
    for (int i = 0; i < all.size(); i++) {
      ZtunnelCert element = all.get(i);
      for (CertificateFacts cert : element.certificates()) {
        Map<String, String> context = identity(c);
        context.put(DumpContext.ROLE, element.role().label());
        context.put(DumpContext.POSITION, (i + 1) + " of " + all.size());
        if (!element.mismatches().isEmpty()) {
          context.put(DumpContext.METADATA_MISMATCH, String.join("; ", element.mismatches()));
        }
        entries.add(new CertificateEntry(cert, element.location(), context));
      }
    }
    if (all.isEmpty()) {
      Map<String, String> fields = identity(c);
      fields.put("certificates", "none");
      metadata.add(new MetadataEntry("identity " + c.identity(), fields));
    }
  }

  private static Map<String, String> identity(ZtunnelCertificate c) {
    Map<String, String> context = new LinkedHashMap<>();
    context.put(DumpContext.IDENTITY, c.identity());
    context.put(DumpContext.STATE, c.state());
    if (!c.shortState().equals(c.state())) {
      context.put(DumpContext.STATE_SHORT, c.shortState());
    }
    return context;
  }
}
