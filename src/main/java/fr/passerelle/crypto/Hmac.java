package fr.passerelle.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** HMAC-SHA256 (RFC 2104). */
public final class Hmac {
  /** Length of an HMAC-SHA256 tag. */
  public static final int SHA256_LENGTH = 32;

  private Hmac() {}

  /** The full 32-byte HMAC-SHA256 of {@code data} under {@code key} (any length, including empty). */
  public static byte[] sha256(byte[] key, byte[] data) {
    HMac mac = new HMac(new SHA256Digest());
    mac.init(new KeyParameter(key));
    mac.update(data, 0, data.length);
    byte[] tag = new byte[SHA256_LENGTH];
    mac.doFinal(tag, 0);
    return tag;
  }
}
