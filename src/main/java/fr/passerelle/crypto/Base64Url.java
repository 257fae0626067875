package fr.passerelle.crypto;

import java.util.Base64;
import java.util.Optional;

/** Unpadded base64url (RFC 4648 section 5) as keys and certificates travel, decoded strictly. */
public final class Base64Url {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Base64Url() {}

  public static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /** The bytes of {@code text} if it is canonical unpadded base64url: one accepted spelling per byte string. */
  public static Optional<byte[]> decode(String text) {
    if (text.indexOf('=') >= 0) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = DECODER.decode(text);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    // The JDK ignores non-zero bits in the last character; re-encoding refuses those spellings.
    return ENCODER.encodeToString(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
  }

  /** As {@link #decode(String)}, and only if the bytes are exactly {@code length} long. */
  public static Optional<byte[]> decode(String text, int length) {
    return decode(text).filter(bytes -> bytes.length == length);
  }
}
