package dev.meshcert.core.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Reads Java KeyStores (JKS and JCEKS). The store is loaded without a password, which skips its
 * integrity check: certificates are not encrypted in these formats, so no password is needed to
 * show them. Private key entries are described from their certificate and never decrypted; secret
 * key entries are noted as skipped. Stateless and thread-safe.
 */
public final class JksReader implements FormatReader {

  private static final int JKS_MAGIC = 0xFEEDFEED;
  private static final int JCEKS_MAGIC = 0xCECECECE;

  @Override
  public InputFormat format() {
    return InputFormat.JKS;
  }

  @Override
  public boolean accepts(byte[] content) {
    int magic = magic(content);
    return magic == JKS_MAGIC || magic == JCEKS_MAGIC;
  }

  private static int magic(byte[] b) {
    if (b.length < 8) {
      return 0;
    }
    return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
  }

  @Override
  public Source read(String name, byte[] content, PasswordProvider passwords) {
    Findings found = new Findings();
    if (!accepts(content)) {
      // The JDK's "JKS" type would hand other content to its PKCS#12 parser, whose BER handling
      // takes seconds on deeply nested indefinite lengths (found by fuzzing).
      found.problem("", "not a JKS or JCEKS keystore: no keystore magic number");
      return found.source(name, InputFormat.JKS);
    }
    String type = magic(content) == JCEKS_MAGIC ? "JCEKS" : "JKS";
    KeyStore store;
    List<String> aliases;
    try {
      store = KeyStore.getInstance(type);
      store.load(new ByteArrayInputStream(content), null);
      aliases = new ArrayList<>(Collections.list(store.aliases()));
    } catch (IOException | GeneralSecurityException | RuntimeException | StackOverflowError e) {
      // StackOverflowError: the JDK's certificate parser recurses once per level of BER nesting
      found.problem("", "not a readable " + type + " keystore: " + Der.message(e));
      return found.source(name, InputFormat.JKS);
    }
    Collections.sort(aliases);
    for (String alias : aliases) {
      try {
        entry(store, type, alias, found);
      } catch (GeneralSecurityException | IOException | RuntimeException | StackOverflowError e) {
        found.problem("alias " + alias, Der.message(e));
      }
    }
    if (aliases.isEmpty()) {
      found.problem("", "the keystore has no entries");
    }
    return found.source(name, InputFormat.JKS);
  }

  private static void entry(KeyStore store, String type, String alias, Findings found)
      throws GeneralSecurityException, IOException {
    String location = "alias " + alias;
    if (store.isCertificateEntry(alias)) {
      found.certificate(
          store.getCertificate(alias).getEncoded(),
          location,
          context(store, type, alias, "trusted certificate"));
    } else if (store.entryInstanceOf(alias, KeyStore.PrivateKeyEntry.class)) {
      Certificate[] chain = store.getCertificateChain(alias);
      if (chain == null || chain.length == 0) {
        found.problem(location, "private key entry without a certificate chain");
        return;
      }
      for (int i = 0; i < chain.length; i++) {
        Map<String, String> ctx = context(store, type, alias, "private key entry");
        ctx.put("chain", (i + 1) + " of " + chain.length);
        found.certificate(
            chain[i].getEncoded(),
            chain.length == 1 ? location : location + " chain " + (i + 1),
            ctx);
      }
      found.key(
          PrivateKeys.fromPublicKey(
              location,
              SubjectPublicKeyInfo.getInstance(chain[0].getPublicKey().getEncoded()),
              "stays encrypted in the keystore"));
    } else {
      found.problem(location, "skipped: secret key entry, not a certificate");
    }
  }

  private static Map<String, String> context(
      KeyStore store, String type, String alias, String entry) throws GeneralSecurityException {
    Map<String, String> ctx = new LinkedHashMap<>();
    ctx.put("keystore", type);
    ctx.put("alias", alias);
    ctx.put("entry", entry);
    Date created = store.getCreationDate(alias);
    if (created != null) {
      ctx.put("created", created.toInstant().toString());
    }
    return ctx;
  }
}
