package fr.passerelle.cli;

import java.util.Base64;
import java.util.Optional;

/** Unpadded base64url (RFC 4648 section 5), decoded strictly: one accepted spelling per byte string. */
final class Base64Url {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Base64Url() {}

  static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /** The bytes of {@code text} if it is canonical unpadded base64url of exactly {@code length} bytes. */
  static Optional<byte[]> decode(String text, int length) {
    if (text.length() != (length * 4 + 2) / 3 || text.indexOf('=') >= 0) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = DECODER.decode(text);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    // The JDK ignores non-zero bits in the last character; re-encoding refuses those spellings.
    if (bytes.length != length || !ENCODER.encodeToString(bytes).equals(text)) {
      return Optional.empty();
    }
    return Optional.of(bytes);
  }
}
