package fr.passerelle.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** HKDF-SHA256 (RFC 5869), with extract and expand also available separately as RFC 9180 uses them. */
public final class Hkdf {
  /** Length of a pseudorandom key from {@link #extract}. */
  public static final int PRK_LENGTH = 32;
  /** Largest output of {@link #expand}: 255 blocks of 32 bytes. */
  public static final int MAX_LENGTH = 255 * 32;

  private Hkdf() {}

  /** The pseudorandom key HMAC-SHA256(salt, ikm); an empty salt stands for 32 zero bytes. */
  public static byte[] extract(byte[] salt, byte[] ikm) {
    return Hmac.sha256(salt.length == 0 ? new byte[PRK_LENGTH] : salt, ikm);
  }

  /** {@code length} bytes (0 to {@value #MAX_LENGTH}) expanded from {@code prk} (32 bytes or more) and {@code info}. */
  public static byte[] expand(byte[] prk, byte[] info, int length) {
    if (prk.length < PRK_LENGTH) {
      throw new CryptoException(CryptoException.Reason.BAD_KEY_LENGTH, "HKDF PRK must be at least 32 bytes");
    }
    if (length < 0 || length > MAX_LENGTH) {
      throw new CryptoException(CryptoException.Reason.BAD_LENGTH, "HKDF-SHA256 output must be 0 to 8160 bytes");
    }
    HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
    generator.init(HKDFParameters.skipExtractParameters(prk, info));
    byte[] out = new byte[length];
    generator.generateBytes(out, 0, length);
    return out;
  }

  /** Extract then expand: {@code length} bytes derived from {@code ikm} with {@code salt} and {@code info}. */
  public static byte[] derive(byte[] salt, byte[] ikm, byte[] info, int length) {
    byte[] prk = extract(salt, ikm);
    try {
      return expand(prk, info, length);
    } finally {
      Bytes.wipe(prk);
    }
  }
}
