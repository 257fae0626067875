package fr.passerelle.e2e;

import fr.passerelle.crypto.Bytes;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code MKSKIPPED}: the message keys of messages not received yet, by peer ratchet key and message number. At most
 * {@link #CAPACITY} keys; storing more deletes the oldest stored first. Keys are wiped when they leave.
 */
final class SkippedKeys {
  /** The most keys kept in all, as docs/protocol.md 12.4 sets it. */
  static final int CAPACITY = 1000;

  /** Where a skipped message sits: its sender's ratchet public key and its number in that chain. */
  record Position(byte[] peerKey, long number) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Position that && number == that.number && Arrays.equals(peerKey, that.peerKey);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(peerKey) + Long.hashCode(number);
    }
  }

  // Insertion order is age order. Only a peer that reuses a ratchet key can store a position twice; it keeps its place.
  private final LinkedHashMap<Position, byte[]> keys = new LinkedHashMap<>();

  /** The key stored for {@code position}, still stored, or null. */
  byte[] find(Position position) {
    return keys.get(position);
  }

  /** Deletes the key of a message that has now opened. */
  void remove(Position position) {
    byte[] key = keys.remove(position);
    if (key != null) {
      Bytes.wipe(key);
    }
  }

  /** Stores a key, then deletes the oldest ones beyond the capacity. */
  void add(Position position, byte[] key) {
    byte[] replaced = keys.put(position, key);
    if (replaced != null) {
      Bytes.wipe(replaced);
    }
    Iterator<Map.Entry<Position, byte[]>> oldest = keys.entrySet().iterator();
    while (keys.size() > CAPACITY) {
      Bytes.wipe(oldest.next().getValue());
      oldest.remove();
    }
  }

  int size() {
    return keys.size();
  }

  void wipe() {
    keys.values().forEach(Bytes::wipe);
    keys.clear();
  }
}
