package fr.passerelle.e2e;

import fr.passerelle.crypto.CryptoException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads a received structure front to back; whatever does not fit its layout is {@code MALFORMED}. */
final class WireReader {
  private final byte[] input;
  private final String what;
  private int at;

  WireReader(byte[] input, String what) {
    this.input = input;
    this.what = what;
  }

  /** Reads the version byte: an unknown one is {@code UNSUPPORTED_VERSION}, none at all {@code MALFORMED}. */
  void version() {
    if (u8() != Wire.VERSION) {
      throw new CryptoException(CryptoException.Reason.UNSUPPORTED_VERSION, what + ": unknown version");
    }
  }

  int u8() {
    return bytes(1)[0] & 0xff;
  }

  long u32() {
    byte[] b = bytes(4);
    return ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
  }

  /** The bytes of an lp16 field. */
  byte[] lp16() {
    byte[] length = bytes(2);
    return bytes(((length[0] & 0xff) << 8) | (length[1] & 0xff));
  }

  byte[] bytes(int length) {
    if (input.length - at < length) {
      throw malformed("truncated");
    }
    byte[] out = Arrays.copyOfRange(input, at, at + length);
    at += length;
    return out;
  }

  /** {@code length} bytes read as strict UTF-8: ill-formed bytes are {@code MALFORMED}. */
  String utf8(int length) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes(length))).toString();
    } catch (CharacterCodingException e) {
      throw malformed("a string is not well-formed UTF-8");
    }
  }

  /** Everything left, possibly nothing. */
  byte[] rest() {
    return bytes(input.length - at);
  }

  /** Refuses bytes after the last field. */
  void end() {
    if (at != input.length) {
      throw malformed("trailing bytes");
    }
  }

  private CryptoException malformed(String message) {
    return new CryptoException(CryptoException.Reason.MALFORMED, what + ": " + message);
  }
}
