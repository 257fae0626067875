package fr.passerelle.crypto;

import java.nio.charset.StandardCharsets;

/** An HPKE suite with DHKEM(X25519, HKDF-SHA256) and HKDF-SHA256, and its labeled KDF steps (RFC 9180 §4). */
record HpkeSuite(HpkeAead aead) {
  static final int KEM_X25519_SHA256 = 0x0020;
  static final int KDF_HKDF_SHA256 = 0x0001;
  private static final byte[] VERSION = ascii("HPKE-v1");

  /** "HPKE" || kem_id || kdf_id || aead_id, for the key schedule. */
  byte[] suiteId() {
    return Bytes.concat(ascii("HPKE"), i2osp2(KEM_X25519_SHA256), i2osp2(KDF_HKDF_SHA256), i2osp2(aead.id));
  }

  /** "KEM" || kem_id, for the KEM's own derivations. */
  static byte[] kemSuiteId() {
    return Bytes.concat(ascii("KEM"), i2osp2(KEM_X25519_SHA256));
  }

  static byte[] labeledExtract(byte[] suiteId, byte[] salt, String label, byte[] ikm) {
    return Hkdf.extract(salt, Bytes.concat(VERSION, suiteId, ascii(label), ikm));
  }

  static byte[] labeledExpand(byte[] suiteId, byte[] prk, String label, byte[] info, int length) {
    return Hkdf.expand(prk, Bytes.concat(i2osp2(length), VERSION, suiteId, ascii(label), info), length);
  }

  static byte[] i2osp2(int value) {
    if (value < 0 || value > 0xFFFF) {
      throw new CryptoException(CryptoException.Reason.BAD_LENGTH, "value does not fit in two bytes");
    }
    return new byte[] {(byte) (value >>> 8), (byte) value};
  }

  static byte[] ascii(String label) {
    return label.getBytes(StandardCharsets.US_ASCII);
  }
}
