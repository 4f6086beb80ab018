package dev.meshcert.probe;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A client key manager that records whether the server asked for a certificate and which CA names
 * it listed, and offers the identity (if any) whatever the server asked for, so that a rejection
 * comes from the server and can be reported.
 */
final class RecordingKeyManager extends X509ExtendedKeyManager {
  private static final String ALIAS = "identity";
  private final Optional<ClientIdentity> identity;
  private volatile boolean requested;
  private volatile boolean sent;
  private volatile List<String> issuers = List.of();

  RecordingKeyManager(Optional<ClientIdentity> identity) {
    this.identity = identity;
  }

  boolean requested() {
    return requested;
  }

  boolean sent() {
    return sent;
  }

  List<String> issuers() {
    return issuers;
  }

  private String choose(Principal[] names) {
    requested = true;
    List<String> list = new ArrayList<>();
    if (names != null) {
      for (Principal p : names) {
        list.add(p.getName());
      }
    }
    issuers = List.copyOf(list);
    sent = identity.isPresent();
    return sent ? ALIAS : null;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return choose(issuers);
  }

  @Override
  public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
    return choose(issuers);
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return identity.isPresent() ? new String[] {ALIAS} : new String[0];
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return identity.map(i -> i.chain().toArray(X509Certificate[]::new)).orElse(null);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return identity.map(ClientIdentity::privateKey).orElse(null);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return new String[0];
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return null;
  }
}
