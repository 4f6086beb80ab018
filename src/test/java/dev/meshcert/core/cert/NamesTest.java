package dev.meshcert.core.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings come from pyca/cryptography 48 ({@code Name.rfc4514_string()}). */
class NamesTest {

  private static X500Name cn(String value) {
    return new X500NameBuilder().addRDN(BCStyle.CN, new DERUTF8String(value)).build();
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "' lead'|'CN=\\ lead'",
        "'trail '|'CN=trail\\ '",
        "'a=b'|'CN=a=b'",
        "'#x'|'CN=\\#x'",
        "'x#'|'CN=x#'",
        "'<a>;b'|'CN=\\<a\\>\\;b'",
        "'Ünïcode'|'CN=Ünïcode'",
        "' '|'CN=\\ '",
        "'x\\y\"z'|'CN=x\\\\y\\\"z'"
      })
  void escapesValuesLikePyca(String value, String expected) {
    assertEquals(expected, Names.rfc4514(cn(value)));
  }

  @Test
  void usesRfc4514ShortNamesOnlyAndOidsForTheRest() {
    X500Name name =
        new X500NameBuilder()
            .addRDN(BCStyle.SERIALNUMBER, "42")
            .addRDN(BCStyle.DC, "org")
            .addRDN(BCStyle.UID, "u1")
            .addRDN(BCStyle.STREET, "Main St")
            .build();
    assertEquals("STREET=Main St,UID=u1,DC=org,2.5.4.5=42", Names.rfc4514(name));
  }

  @Test
  void writesAnEmptyNameAsEmpty() {
    X500Name empty = new X500Name(new org.bouncycastle.asn1.x500.RDN[0]);
    assertEquals("", Names.rfc4514(empty));
    assertEquals("", Names.openssl(empty));
  }

  @Test
  void readsTheFixtureSubjectLikePyca() throws Exception {
    CertificateFacts c = PemBlocks.first("/certtext/openssl/fixtures/othername-ec384.pem");
    assertEquals(
        "ST=x+C=US,L=a\\+b,OU=\\ lead space,OU=semi\\;colon,O=\\#lead,CN=quote\\\"back\\\\slash",
        c.subject());
  }

  @Test
  void quotesAndEscapesTheOpenSslWay() throws Exception {
    CertificateFacts c = PemBlocks.first("/certtext/openssl/fixtures/othername-ec384.pem");
    assertEquals(
        "CN = quote\\\"back\\\\slash, O = \"#lead\", OU = \"semi;colon\", OU = \" lead space\","
            + " L = \"a+b\", ST = x + C = US",
        Names.openssl(c.holder().getSubject()));
  }

  @Test
  void writesTheSlashFormForDirectoryNames() {
    assertEquals(
        "/C=US/O=Dir Org/CN=Dir Name", Names.slashed(new X500Name("C=US,O=Dir Org,CN=Dir Name")));
  }
}
