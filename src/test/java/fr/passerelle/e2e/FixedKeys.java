package fr.passerelle.e2e;

import fr.passerelle.crypto.X25519;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A key source that hands out given private keys in order, as the known answers need, and remembers what it drew.
 * Each draw is a fresh copy, so the protocol's wiping never reaches the list.
 */
final class FixedKeys implements KeySource {
  private final List<byte[]> privateKeys;
  private final List<byte[]> drawn = new ArrayList<>();

  private FixedKeys(List<byte[]> privateKeys) {
    this.privateKeys = privateKeys;
  }

  static FixedKeys of(List<byte[]> privateKeys) {
    return new FixedKeys(List.copyOf(privateKeys));
  }

  /** {@code count} private keys of 32 equal bytes: {@code first}, {@code first + 1}, … */
  static List<byte[]> sequence(int first, int count) {
    List<byte[]> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(filled(first + i));
    }
    return keys;
  }

  static byte[] filled(int value) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  @Override
  public X25519.KeyPair next() {
    if (drawn.size() == privateKeys.size()) {
      throw new IllegalStateException("no fixed key left");
    }
    byte[] privateKey = privateKeys.get(drawn.size()).clone();
    drawn.add(privateKey.clone());
    return new X25519.KeyPair(privateKey, X25519.publicKey(privateKey));
  }

  /** The private keys drawn so far, in order. */
  List<byte[]> drawn() {
    return List.copyOf(drawn);
  }
}
