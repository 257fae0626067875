package fr.passerelle.e2e;

import fr.passerelle.crypto.CryptoException;

/** The kind of a message {@code header}: the handshake init or a ratchet message (docs/protocol.md 12.3 and 12.4). */
public enum HeaderKind {
  /** The first envelope of a handshake: certificate, ephemeral key, signature and the first ratchet header. */
  INIT(0x01),
  /** Every later message: the ratchet header alone. */
  MESSAGE(0x02);

  final byte code;

  HeaderKind(int code) {
    this.code = (byte) code;
  }

  /**
   * The kind of a decoded {@code header}, from its first two bytes only. Refuses an unknown version or kind with
   * {@code UNSUPPORTED_VERSION}, and a header too short to hold them with {@code MALFORMED}.
   */
  public static HeaderKind of(byte[] header) {
    WireReader in = new WireReader(header, "header");
    in.version();
    int code = in.u8();
    for (HeaderKind kind : values()) {
      if (kind.code == code) {
        return kind;
      }
    }
    throw new CryptoException(CryptoException.Reason.UNSUPPORTED_VERSION, "header: unknown kind");
  }
}
