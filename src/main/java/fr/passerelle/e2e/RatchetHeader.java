package fr.passerelle.e2e;

import java.nio.ByteBuffer;

/**
 * The ratchet header {@code DHs.public (32) | u32(PN) | u32(Ns)}: the end of an init header, or after
 * {@code u8(0x01) | u8(0x02)} the whole 42-byte message header. Parsing checks lengths only: the key is checked when
 * the ratchet first meets it.
 */
record RatchetHeader(byte[] dh, long pn, long n) {
  /** Length of the ratchet header alone. */
  static final int LENGTH = 32 + 4 + 4;

  byte[] encode() {
    return ByteBuffer.allocate(LENGTH).put(dh).putInt((int) pn).putInt((int) n).array();
  }

  /** Reads a ratchet header from where {@code in} stands. */
  static RatchetHeader read(WireReader in) {
    return new RatchetHeader(in.bytes(32), in.u32(), in.u32());
  }

  /** Parses a whole message header, whose kind {@link HeaderKind#of} has found to be {@code MESSAGE}. */
  static RatchetHeader parseMessageHeader(byte[] header) {
    WireReader in = new WireReader(header, "message header");
    in.version();
    in.u8();
    RatchetHeader parsed = read(in);
    in.end();
    return parsed;
  }
}
