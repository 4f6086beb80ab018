package dev.meshcert.core.cert;

import java.util.EnumSet;
import java.util.Set;
import org.bouncycastle.asn1.x509.KeyUsage;

/** Key usage bits as an enum set. */
final class KeyUsages {
  private static final int[] MASKS = {
    KeyUsage.digitalSignature,
    KeyUsage.nonRepudiation,
    KeyUsage.keyEncipherment,
    KeyUsage.dataEncipherment,
    KeyUsage.keyAgreement,
    KeyUsage.keyCertSign,
    KeyUsage.cRLSign,
    KeyUsage.encipherOnly,
    KeyUsage.decipherOnly
  };

  private KeyUsages() {}

  static Set<KeyUsageBit> bits(KeyUsage ku) {
    Set<KeyUsageBit> out = EnumSet.noneOf(KeyUsageBit.class);
    KeyUsageBit[] all = KeyUsageBit.values();
    for (int i = 0; i < all.length; i++) {
      if (ku.hasUsages(MASKS[i])) {
        out.add(all[i]);
      }
    }
    return out;
  }
}
