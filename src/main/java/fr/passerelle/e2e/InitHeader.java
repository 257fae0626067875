package fr.passerelle.e2e;

import fr.passerelle.crypto.Bytes;

/**
 * The init header: {@code u8(0x01) | u8(0x01) | lp16(certificate) | E_w (32) | E_v (32) | signature (64) | ratchet
 * header (40)} (docs/protocol.md 12.3). Parsing checks lengths only; {@link Handshake#accept} checks the rest in the
 * order the protocol gives.
 */
record InitHeader(byte[] certificate, byte[] workerEphemeral, byte[] visitorKey, byte[] signature) {

  /** Everything before the ratchet header, which the session appends when it encrypts the first message. */
  byte[] prefix() {
    return Bytes.concat(new byte[] {Wire.VERSION, HeaderKind.INIT.code}, Wire.lp16(certificate, "certificate"),
        workerEphemeral, visitorKey, signature);
  }

  /** An init header and the ratchet header at its end. */
  record Parsed(InitHeader init, RatchetHeader ratchet) {}

  /** Parses a whole header whose kind {@link HeaderKind#of} has found to be {@code INIT}. */
  static Parsed parse(byte[] header) {
    WireReader in = new WireReader(header, "init header");
    in.version();
    in.u8();
    InitHeader init = new InitHeader(in.lp16(), in.bytes(32), in.bytes(32), in.bytes(64));
    RatchetHeader ratchet = RatchetHeader.read(in);
    in.end();
    return new Parsed(init, ratchet);
  }
}
