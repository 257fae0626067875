package fr.passerelle.worker;

import fr.passerelle.crypto.Ed25519;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The organisation's root key as this node knows it: the public half, which verifies worker certificates, and, only
 * in demo mode without a configured key, a private half made at start-up and kept in memory to sign demo
 * certificates. A real organisation's private key never reaches a node: it signs offline with {@code keys
 * sign-worker}.
 */
public final class OrganisationRoot {
  private final String orgId;
  private final byte[] publicKey;
  private final Optional<byte[]> demoPrivateKey;

  private OrganisationRoot(String orgId, byte[] publicKey, Optional<byte[]> demoPrivateKey) {
    this.orgId = orgId;
    this.publicKey = publicKey.clone();
    this.demoPrivateKey = demoPrivateKey.map(byte[]::clone);
  }

  /** The configured public key: verification only. */
  public static OrganisationRoot configured(String orgId, byte[] publicKey) {
    return new OrganisationRoot(orgId, publicKey, Optional.empty());
  }

  /** Demo mode: a fresh key pair that lives and dies with this process. */
  public static OrganisationRoot demo(String orgId) {
    Ed25519.KeyPair pair = Ed25519.generate(new SecureRandom());
    return new OrganisationRoot(orgId, pair.publicKey(), Optional.of(pair.privateKey()));
  }

  public String orgId() {
    return orgId;
  }

  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** Whether this node can sign demo certificates itself. */
  public boolean isDemo() {
    return demoPrivateKey.isPresent();
  }

  Optional<byte[]> demoPrivateKey() {
    return demoPrivateKey.map(byte[]::clone);
  }
}
