package fr.passerelle.e2e;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.X25519;
import java.util.Arrays;
import java.util.Locale;

/**
 * The fingerprint of an association's public HPKE key (docs/protocol.md 12.8.1): the first 20 bytes of
 * {@code H(label0("passerelle/v1/association-key") | publicKey)}, shown as four groups of five digits like the
 * safety code, for an admin and an intake officer to compare by phone; and the key id, its first 16 bytes in
 * base64url, by which referrals name the key they were sealed to.
 */
public record AssociationKeyFingerprint(String keyId, String digits) {
  private static final byte[] LABEL = Wire.label0("passerelle/v1/association-key");
  private static final int FINGERPRINT_BYTES = 20;
  private static final int KEY_ID_BYTES = 16;
  private static final int GROUP_BYTES = 5;

  /**
   * The fingerprint of {@code publicKey}, which must be a valid X25519 public key: a wrong length, a non-canonical
   * encoding or a low-order point fails with the {@code CryptoException} of {@link X25519#requireValidPublicKey}.
   */
  public static AssociationKeyFingerprint of(byte[] publicKey) {
    X25519.requireValidPublicKey(publicKey);
    byte[] digest = Arrays.copyOf(Wire.sha256(Bytes.concat(LABEL, publicKey)),
        FINGERPRINT_BYTES);
    StringBuilder digits = new StringBuilder();
    for (int group = 0; group < FINGERPRINT_BYTES / GROUP_BYTES; group++) {
      long value = 0;
      for (int i = 0; i < GROUP_BYTES; i++) {
        value = (value << 8) | (digest[group * GROUP_BYTES + i] & 0xff);
      }
      digits.append(group > 0 ? " " : "").append(String.format(Locale.ROOT, "%05d", value % 100_000));
    }
    return new AssociationKeyFingerprint(Base64Url.encode(Arrays.copyOf(digest, KEY_ID_BYTES)), digits.toString());
  }
}
