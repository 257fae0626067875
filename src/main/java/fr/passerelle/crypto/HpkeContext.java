package fr.passerelle.crypto;

/**
 * An HPKE encryption context (RFC 9180 §5.1–5.3) in base or auth mode: key, base nonce, sequence number, exporter
 * secret. The PSK modes are not offered, so the key schedule always runs with the empty PSK and PSK id.
 */
final class HpkeContext {
  /** mode_base: anyone may have sealed. */
  static final byte MODE_BASE = 0x00;
  /** mode_auth: the sender's static key is part of the KEM, so opening proves who sealed. */
  static final byte MODE_AUTH = 0x02;
  private static final byte[] EMPTY = new byte[0];

  private final HpkeSuite suite;
  private final byte[] key;
  private final byte[] baseNonce;
  private final byte[] exporterSecret;
  private long sequence;

  /** Every value KeySchedule computes, so that the vector test can check each one. */
  record Schedule(byte[] keyScheduleContext, byte[] secret, byte[] key, byte[] baseNonce, byte[] exporterSecret) {}

  private HpkeContext(HpkeSuite suite, Schedule schedule) {
    this.suite = suite;
    this.key = schedule.key();
    this.baseNonce = schedule.baseNonce();
    this.exporterSecret = schedule.exporterSecret();
  }

  /** KeySchedule(mode, shared_secret, info, "", ""), for {@link #MODE_BASE} or {@link #MODE_AUTH}. */
  static Schedule schedule(HpkeSuite suite, byte mode, byte[] sharedSecret, byte[] info) {
    byte[] id = suite.suiteId();
    byte[] pskIdHash = HpkeSuite.labeledExtract(id, EMPTY, "psk_id_hash", EMPTY);
    byte[] infoHash = HpkeSuite.labeledExtract(id, EMPTY, "info_hash", info);
    byte[] context = Bytes.concat(new byte[] {mode}, pskIdHash, infoHash);
    byte[] secret = HpkeSuite.labeledExtract(id, sharedSecret, "secret", EMPTY);
    byte[] key = HpkeSuite.labeledExpand(id, secret, "key", context, suite.aead().keyLength);
    byte[] baseNonce = HpkeSuite.labeledExpand(id, secret, "base_nonce", context, suite.aead().nonceLength);
    byte[] exporterSecret = HpkeSuite.labeledExpand(id, secret, "exp", context, Hkdf.PRK_LENGTH);
    return new Schedule(context, secret, key, baseNonce, exporterSecret);
  }

  static HpkeContext create(HpkeSuite suite, byte mode, byte[] sharedSecret, byte[] info) {
    Schedule schedule = schedule(suite, mode, sharedSecret, info);
    Bytes.wipe(schedule.secret());
    return new HpkeContext(suite, schedule);
  }

  byte[] seal(byte[] aad, byte[] plaintext) {
    byte[] sealed = suite.aead().seal(key, nextNonce(), aad, plaintext);
    sequence++;
    return sealed;
  }

  byte[] open(byte[] aad, byte[] ciphertext) {
    byte[] opened = suite.aead().open(key, nextNonce(), aad, ciphertext);
    sequence++;
    return opened;
  }

  /** Export(exporter_context, L): a secret of {@code length} bytes bound to this context. */
  byte[] export(byte[] exporterContext, int length) {
    return HpkeSuite.labeledExpand(suite.suiteId(), exporterSecret, "sec", exporterContext, length);
  }

  void wipe() {
    Bytes.wipe(key, baseNonce, exporterSecret);
  }

  // base_nonce XOR I2OSP(seq, Nn); a long runs out long before 2^96 - 1, and we stop there.
  private byte[] nextNonce() {
    if (sequence == Long.MAX_VALUE) {
      throw new CryptoException(CryptoException.Reason.LIMIT_REACHED, "HPKE sequence number exhausted");
    }
    byte[] nonce = baseNonce.clone();
    for (int i = 0; i < Long.BYTES; i++) {
      nonce[nonce.length - 1 - i] ^= (byte) (sequence >>> (8 * i));
    }
    return nonce;
  }
}
