package fr.passerelle.e2e;

import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.CryptoException;
import java.util.Arrays;

/**
 * The padding of docs/protocol.md 12.5: {@code content | 0x80 | 0x00 …} up to the next multiple of 256 bytes, so that
 * short messages all look alike. Removal is strict: only what {@link #pad} produces is accepted.
 */
final class Padding {
  static final int BLOCK = 256;
  private static final byte MARKER = (byte) 0x80;

  private Padding() {}

  static byte[] pad(byte[] content) {
    byte[] padded = Arrays.copyOf(content, (content.length / BLOCK + 1) * BLOCK);
    padded[content.length] = MARKER;
    return padded;
  }

  /** The content inside {@code padded}, which it wipes; {@code MALFORMED} unless {@link #pad} could have made it. */
  static byte[] unpad(byte[] padded) {
    try {
      if (padded.length == 0 || padded.length % BLOCK != 0) {
        throw malformed("length is not a multiple of 256");
      }
      int marker = padded.length - 1;
      while (marker >= 0 && padded[marker] == 0) {
        marker--;
      }
      if (marker < 0 || padded[marker] != MARKER) {
        throw malformed("no 0x80 before the trailing zeros");
      }
      if (padded.length - marker > BLOCK) {
        throw malformed("more than 256 bytes of padding");
      }
      return Arrays.copyOf(padded, marker);
    } finally {
      Bytes.wipe(padded);
    }
  }

  private static CryptoException malformed(String message) {
    return new CryptoException(CryptoException.Reason.MALFORMED, "padding: " + message);
  }
}
