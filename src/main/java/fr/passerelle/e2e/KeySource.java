package fr.passerelle.e2e;

import fr.passerelle.crypto.X25519;
import java.security.SecureRandom;

/**
 * Where the protocol takes every X25519 key pair it generates: handshake ephemerals, ratchet keys and HPKE
 * ephemerals, in the order it needs them. Clients use {@link #random}; known-answer tests give fixed keys instead.
 */
@FunctionalInterface
public interface KeySource {

  /** A key pair never handed out before; the protocol wipes its private key when it is done with it. */
  X25519.KeyPair next();

  /** Fresh key pairs from {@code random}. */
  static KeySource random(SecureRandom random) {
    return () -> X25519.generate(random);
  }
}
