package dev.meshcert.core.read;

import dev.meshcert.core.read.Pkcs12Crypto.Password;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.AuthenticatedSafe;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;

/**
 * Reads PKCS#12 / PFX files. The absent and the empty password are tried first, then the {@link
 * PasswordProvider} is asked (attempt 1, 2, ... up to {@value #MAX_ASKS}). A password that fails
 * the integrity check is "wrong password (PKCS#12 integrity check failed)"; unencrypted parts are
 * still read. Legacy ciphers (RC2-40, 3DES) and PBES2 (AES) work. Keys are decrypted only to derive
 * their public key, then dropped. Stateless and thread-safe.
 */
public final class Pkcs12Reader implements FormatReader {

  /** How many times the password provider is asked before giving up. */
  public static final int MAX_ASKS = 5;

  @Override
  public InputFormat format() {
    return InputFormat.PKCS12;
  }

  /** SEQUENCE { INTEGER 3, SEQUENCE { OID pkcs7-data or pkcs7-signedData ... } ... }. */
  @Override
  public boolean accepts(byte[] b) {
    if (!DerReader.looksLikeDerSequence(b)
        && !(b.length > 8 && b[0] == 0x30 && b[1] == (byte) 0x80)) {
      return false;
    }
    int i = b[1] == (byte) 0x80 ? 2 : 2 + (b[1] & 0x7f);
    return i + 3 < b.length
        && b[i] == 0x02
        && b[i + 1] == 0x01
        && b[i + 2] == 0x03
        && b[i + 3] == 0x30;
  }

  @Override
  public Source read(String name, byte[] content, PasswordProvider passwords) {
    Findings found = new Findings();
    List<Password> used = new ArrayList<>();
    try {
      read(name, content, passwords, found, used, new KdfBudget());
    } catch (IOException | RuntimeException e) {
      found.problem("", "not a readable PKCS#12 file: " + Der.message(e));
    } finally {
      used.forEach(Password::clear);
    }
    return found.source(name, InputFormat.PKCS12);
  }

  private void read(
      String name,
      byte[] content,
      PasswordProvider passwords,
      Findings found,
      List<Password> used,
      KdfBudget budget)
      throws IOException {
    Pfx pfx = Pfx.getInstance(Der.parse(content));
    ContentInfo auth = pfx.getAuthSafe();
    if (!PKCSObjectIdentifiers.data.equals(auth.getContentType())) {
      found.problem("", "PKCS#12 with public-key integrity (signed) is not supported");
      return;
    }
    byte[] authBytes = ASN1OctetString.getInstance(auth.getContent()).getOctets();
    Pkcs12Bags.Decryptor decryptor;
    MacData mac = pfx.getMacData();
    if (mac != null) {
      Optional<Password> pw = passwordByMac(name, mac, authBytes, passwords, found, used, budget);
      decryptor =
          pw.<Pkcs12Bags.Decryptor>map(
                  p -> (alg, data) -> Pkcs12Crypto.decrypt(alg, data, p, budget))
              .orElse(null);
    } else {
      decryptor = new TryingDecryptor(name, passwords, used, budget);
    }
    Pkcs12Bags bags = new Pkcs12Bags(found, decryptor);
    ContentInfo[] parts = AuthenticatedSafe.getInstance(Der.parse(authBytes)).getContentInfo();
    for (int i = 0; i < parts.length; i++) {
      String where = "part " + (i + 1);
      ContentInfo part = parts[i];
      try {
        if (PKCSObjectIdentifiers.data.equals(part.getContentType())) {
          bags.safeContents(ASN1OctetString.getInstance(part.getContent()).getOctets(), 0);
        } else if (PKCSObjectIdentifiers.encryptedData.equals(part.getContentType())) {
          EncryptedData ed = EncryptedData.getInstance(part.getContent());
          if (decryptor == null) {
            found.problem(where, "encrypted: not read without the right password");
            continue;
          }
          bags.safeContents(
              decryptor.decrypt(ed.getEncryptionAlgorithm(), ed.getContent().getOctets()), 0);
        } else {
          found.problem(where, "skipped: public-key encrypted part (not supported)");
        }
      } catch (IOException | RuntimeException e) {
        found.problem(where, Der.message(e));
      }
    }
    if (found.size() == 0 && !found.hasProblems()) {
      found.problem("", "the PKCS#12 file holds no certificates or keys");
    }
  }

  private static Optional<Password> passwordByMac(
      String name,
      MacData mac,
      byte[] authBytes,
      PasswordProvider passwords,
      Findings found,
      List<Password> used,
      KdfBudget budget)
      throws IOException {
    for (Password p : List.of(Password.absent(), Password.empty())) {
      if (Pkcs12Crypto.macValid(mac, authBytes, p, budget)) {
        return Optional.of(p);
      }
    }
    for (int attempt = 1; attempt <= MAX_ASKS; attempt++) {
      Optional<char[]> given = passwords.password(name, attempt);
      if (given.isEmpty()) {
        found.problem(
            "",
            attempt == 1
                ? "password needed: the PKCS#12 integrity check fails with no password and with"
                    + " an empty one"
                : "wrong password (PKCS#12 integrity check failed)");
        return Optional.empty();
      }
      Password p = Password.of(given.get());
      java.util.Arrays.fill(given.get(), '\0');
      used.add(p);
      if (Pkcs12Crypto.macValid(mac, authBytes, p, budget)) {
        return Optional.of(p);
      }
    }
    found.problem("", "wrong password (PKCS#12 integrity check failed)");
    return Optional.empty();
  }

  /** Without a MAC, a password is right when it decrypts: absent, empty, then asked. */
  private static final class TryingDecryptor implements Pkcs12Bags.Decryptor {
    private final String name;
    private final PasswordProvider passwords;
    private final List<Password> used;
    private final KdfBudget budget;
    private Password chosen;
    private boolean exhausted;

    TryingDecryptor(
        String name, PasswordProvider passwords, List<Password> used, KdfBudget budget) {
      this.name = name;
      this.passwords = passwords;
      this.used = used;
      this.budget = budget;
    }

    @Override
    public byte[] decrypt(org.bouncycastle.asn1.x509.AlgorithmIdentifier alg, byte[] data)
        throws IOException {
      if (chosen != null) {
        return Pkcs12Crypto.decrypt(alg, data, chosen, budget);
      }
      if (exhausted) {
        throw new IOException("encrypted: not read without the right password");
      }
      for (Password p : List.of(Password.absent(), Password.empty())) {
        Optional<byte[]> plain = attempt(alg, data, p);
        if (plain.isPresent()) {
          return plain.get();
        }
      }
      for (int attempt = 1; attempt <= MAX_ASKS; attempt++) {
        Optional<char[]> given = passwords.password(name, attempt);
        if (given.isEmpty()) {
          break;
        }
        Password p = Password.of(given.get());
        java.util.Arrays.fill(given.get(), '\0');
        used.add(p);
        Optional<byte[]> plain = attempt(alg, data, p);
        if (plain.isPresent()) {
          return plain.get();
        }
      }
      exhausted = true;
      throw new IOException("wrong password (decryption failed)");
    }

    private Optional<byte[]> attempt(
        org.bouncycastle.asn1.x509.AlgorithmIdentifier alg, byte[] data, Password p)
        throws IOException {
      try {
        byte[] plain = Pkcs12Crypto.decrypt(alg, data, p, budget);
        if (Der.isSingleObject(plain)) {
          chosen = p;
          return Optional.of(plain);
        }
        return Optional.empty();
      } catch (IOException e) {
        if ("wrong password".equals(e.getMessage())) {
          return Optional.empty();
        }
        throw e;
      }
    }
  }
}
