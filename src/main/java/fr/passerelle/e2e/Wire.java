package fr.passerelle.e2e;

import fr.passerelle.crypto.CryptoException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The encodings of docs/protocol.md 12.1 that the protocol's structures are built from. */
final class Wire {
  /** The version byte every v1 structure starts with. */
  static final byte VERSION = 0x01;

  private Wire() {}

  /** label0(L) = the ASCII bytes of L, then one 0x00: a label used as a prefix. */
  static byte[] label0(String label) {
    byte[] ascii = ascii(label);
    byte[] out = new byte[ascii.length + 1];
    System.arraycopy(ascii, 0, out, 0, ascii.length);
    return out;
  }

  /** The ASCII bytes of a label used whole, as an HKDF info: no 0x00 follows. */
  static byte[] ascii(String label) {
    return label.getBytes(StandardCharsets.US_ASCII);
  }

  /** lp8(x) = u8(len(x)) | x, for the UTF-8 bytes of {@code value}. */
  static byte[] lp8(String value, String what) {
    byte[] bytes = utf8(value, what);
    if (bytes.length > 0xff) {
      throw new CryptoException(CryptoException.Reason.MALFORMED, what + " is longer than 255 bytes");
    }
    byte[] out = new byte[1 + bytes.length];
    out[0] = (byte) bytes.length;
    System.arraycopy(bytes, 0, out, 1, bytes.length);
    return out;
  }

  /**
   * The UTF-8 bytes of {@code value}; {@code MALFORMED} for a lone surrogate, which has no UTF-8 form (the JDK would
   * write '?' where a browser writes U+FFFD, and the two sides would disagree).
   */
  static byte[] utf8(String value, String what) {
    try {
      ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(value));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new CryptoException(CryptoException.Reason.MALFORMED, what + " is not well-formed Unicode");
    }
  }

  /** lp16(x) = u16(len(x)) | x. */
  static byte[] lp16(byte[] value, String what) {
    if (value.length > 0xffff) {
      throw new CryptoException(CryptoException.Reason.MALFORMED, what + " is longer than 65535 bytes");
    }
    byte[] out = new byte[2 + value.length];
    out[0] = (byte) (value.length >>> 8);
    out[1] = (byte) value.length;
    System.arraycopy(value, 0, out, 2, value.length);
    return out;
  }

  /** H(x): SHA-256. */
  static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
