package fr.passerelle.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

/** Byte-array operations that secrets need: comparison in constant time, and wiping. */
public final class Bytes {
  private Bytes() {}

  /** Whether {@code a} and {@code b} hold the same bytes, in time that depends only on their lengths. */
  public static boolean equal(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }

  /** Overwrites each array with zeros. */
  public static void wipe(byte[]... arrays) {
    for (byte[] array : arrays) {
      Arrays.fill(array, (byte) 0);
    }
  }

  /** The concatenation of {@code parts}, in order. */
  public static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }

  static void requireLength(byte[] value, int length, CryptoException.Reason reason, String what) {
    if (value.length != length) {
      throw new CryptoException(reason, what + " must be " + length + " bytes, not " + value.length);
    }
  }
}
