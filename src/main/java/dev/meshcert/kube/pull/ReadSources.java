package dev.meshcert.kube.pull;

import dev.meshcert.core.analysis.InspectionInput;
import dev.meshcert.core.analysis.SourceReader;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.read.CertificateEntry;
import dev.meshcert.core.read.InputFormat;
import dev.meshcert.core.read.PasswordProvider;
import dev.meshcert.core.read.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Certificates already decoded (pulled from a pod) handed to the {@link
 * dev.meshcert.core.analysis.Inspector} as read sources: the inspector asks its reader for each
 * input by name and gets the source built here, so a pulled chain is not encoded to PEM and decoded
 * again for every pod. One instance per inspection; not thread-safe.
 */
final class ReadSources implements SourceReader {

  private static final byte[] NO_BYTES = new byte[0];

  private final Map<String, Source> sources = new HashMap<>();

  /** An input for the inspector whose source is these certificates, in order. */
  InspectionInput add(String name, List<CertificateFacts> certificates) {
    List<CertificateEntry> entries = new ArrayList<>(certificates.size());
    for (int i = 0; i < certificates.size(); i++) {
      entries.add(new CertificateEntry(certificates.get(i), "certificate " + (i + 1)));
    }
    sources.put(name, new Source(name, InputFormat.PEM, entries, List.of(), List.of(), List.of()));
    return new InspectionInput(name, NO_BYTES);
  }

  @Override
  public Source read(String name, byte[] content, PasswordProvider passwords) {
    Source source = sources.get(name);
    return source != null ? source : Source.unreadable(name, "no certificates were given");
  }
}
