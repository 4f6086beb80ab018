package dev.meshcert.core.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.testpki.TestPki;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

  static final String FINGERPRINT =
      "3F:A2:19:8C:77:01:EE:5D:90:12:AB:CD:EF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:01:02:03";
  static final String JWT =
      "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEyMyJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2lnbmF0dXJl";

  final KnownValues known = new KnownValues();
  final Redaction share = Redaction.forScreenShare(false, known);
  final Redaction shareNames = Redaction.forScreenShare(true, known);

  @Test
  void privateKeyBlockIsMaskedEvenWhenRedactionIsOff() {
    String pem = new TestPki().root("CN=Key Owner").issue().keyPem();

    String shown = Redaction.off().text("before\n" + pem + "after");

    assertFalse(shown.contains("PRIVATE KEY-----\nMI"), shown);
    assertTrue(shown.startsWith("before\n‹private key›"), shown);
    assertTrue(shown.endsWith("after"), shown);
  }

  @Test
  void unterminatedPrivateKeyBlockIsMaskedToTheEnd() {
    String shown = Redaction.off().text("x -----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI");

    assertEquals("x ‹private key›", shown);
  }

  @Test
  void offLeavesSerialsAndServersAlone() {
    String text = "Serial " + FINGERPRINT + " at https://10.0.0.1:6443";

    assertEquals(text, Redaction.off().text(text));
  }

  @Test
  void colonHexFingerprintIsMaskedOnAShareScreen() {
    String shown = share.text("SHA-256: " + FINGERPRINT);

    assertEquals("SHA-256: ‹fingerprint-1›", shown);
  }

  @Test
  void sameValueGetsTheSamePlaceholder() {
    String shown = share.text(FINGERPRINT + " and again " + FINGERPRINT);

    assertEquals("‹fingerprint-1› and again ‹fingerprint-1›", shown);
  }

  @Test
  void openSslStyleSerialSpanningLinesIsMasked() {
    String shown = share.text("Serial Number:\n    4f:2a:10:99:\n    aa:bb:cc:dd\n");

    assertFalse(shown.contains("4f:2a"), shown);
    assertFalse(shown.contains("aa:bb"), shown);
  }

  @Test
  void longDecimalSerialIsMasked() {
    assertEquals("Serial ‹serial-1›", share.text("Serial 123456789012345678901234567890"));
  }

  @Test
  void learnedSerialOfDigestLengthIsStillCalledASerial() {
    known.learn(Sensitive.SERIAL, FINGERPRINT.substring(0, 59));

    assertEquals("‹serial-1›", share.text(FINGERPRINT.substring(0, 59)));
  }

  @Test
  void longDecimalIsASerialNotAFingerprint() {
    assertEquals(
        "‹serial-1›",
        share.text("1639015812896439904112345678901234567890123456789012345678901234"));
  }

  @Test
  void serverUrlAndIpAddressAreMasked() {
    String shown = share.text("server: https://api.prod.example.com:6443, node 10.1.2.3:10250");

    assertFalse(shown.contains("example.com"), shown);
    assertFalse(shown.contains("10.1.2.3"), shown);
  }

  @Test
  void jwtAndBearerTokenAreMaskedInLogs() {
    String shown = Redaction.forLogs().text("Authorization: Bearer " + JWT + " token=s3cr3tValue");

    assertFalse(shown.contains("eyJ"), shown);
    assertFalse(shown.contains("s3cr3tValue"), shown);
  }

  @Test
  void logsKeepSerialsForDebugging() {
    String text = "serial " + FINGERPRINT;

    assertEquals(text, Redaction.forLogs().text(text));
  }

  @Test
  void secretDataInBase64IsMaskedInLogs() {
    String data = "dGhpcyBpcyBhIHNlY3JldCB2YWx1ZSB0aGF0IGlzIGxvbmcgZW5vdWdoIDEyMw==";

    assertFalse(Redaction.forLogs().text("data: " + data).contains(data));
  }

  @Test
  void lowerCasePathIsNotMistakenForBase64() {
    String path = "/home/someone/projects/meshcert/certificates/leaf.pem";

    assertEquals(path, Redaction.forLogs().text(path));
  }

  @Test
  void certificatePemBodyIsMaskedOnAShareScreen() {
    String pem = new TestPki().root("CN=Public Root").issue().pem();

    String shown = share.text(pem);

    assertTrue(shown.startsWith("-----BEGIN CERTIFICATE-----"), shown);
    assertTrue(shown.contains("‹pem›"), shown);
    assertFalse(shown.contains("MI"), shown);
  }

  @Test
  void namespaceInSpiffeIdIsMaskedOnlyWhenNamesAreMasked() {
    String id = "spiffe://cluster.local/ns/payments/sa/ledger";

    assertEquals(id, share.text(id));
    assertEquals("spiffe://cluster.local/ns/‹ns-1›/sa/ledger", shareNames.text(id));
  }

  @Test
  void namespaceInServiceDnsNameIsMasked() {
    assertEquals(
        "ledger.‹ns-1›.svc.cluster.local", shareNames.text("ledger.payments.svc.cluster.local"));
  }

  @Test
  void learnedPodNameIsMaskedInFreeText() {
    known.learn(Sensitive.POD, "ledger-7d9f8b-x2k4p");

    assertEquals(
        "pod payments/‹pod-1› is ready",
        Redaction.forScreenShare(true, known).text("pod payments/ledger-7d9f8b-x2k4p is ready"));
  }

  @Test
  void learnedNamespaceIsMatchedWithItsCase() {
    known.learn(Sensitive.NAMESPACE, "linkerd");

    assertEquals("Linkerd in ‹ns-1›", shareNames.text("Linkerd in linkerd"));
  }

  @Test
  void valueOfAKnownKindIsMaskedWhateverItLooksLike() {
    assertEquals("‹serial-1›", share.value(Sensitive.SERIAL, "1a2b"));
    assertEquals("default", share.value(Sensitive.NAMESPACE, "default"));
    assertEquals("‹ns-1›", shareNames.value(Sensitive.NAMESPACE, "default"));
  }

  @Test
  void valueShownOnceIsMaskedInTextAfterwards() {
    shareNames.value(Sensitive.NAMESPACE, "checkout");

    assertEquals("in ‹ns-1›:8080", shareNames.text("in checkout:8080"));
  }

  @Test
  void learnedHostNameIsMaskedAsAPhrase() {
    known.learn(Sensitive.SERVER, "api.internal.corp");

    assertEquals("to ‹server-1› now", share.text("to API.internal.corp now"));
  }

  @Test
  void oauthFieldsWithUnderscoresOrCamelCaseAreMaskedInLogs() {
    String text =
        "{\"access_token\": \"at-marker-1\", \"refresh_token\": \"rt-marker-2\","
            + " \"id_token\": \"it-marker-3\", accessToken=at-marker-4,"
            + " client_secret: cs-marker-5}";

    String shown = Redaction.forLogs().text(text);

    for (String marker :
        List.of("at-marker-1", "rt-marker-2", "it-marker-3", "at-marker-4", "cs-marker-5")) {
      assertFalse(shown.contains(marker), shown);
    }
  }

  @Test
  void redactingTwiceChangesNothing() {
    known.learn(Sensitive.POD, "cart-5c6d");
    String text =
        "Bearer "
            + JWT
            + " token: abc "
            + FINGERPRINT
            + " https://10.0.0.1 spiffe://td/ns/shop/sa/cart cart-5c6d";

    for (Redaction r : List.of(Redaction.forLogs(), share, shareNames)) {
      String once = r.text(text);
      assertEquals(once, r.text(once));
    }
  }
}
