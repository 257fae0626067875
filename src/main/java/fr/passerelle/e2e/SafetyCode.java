package fr.passerelle.e2e;

import fr.passerelle.crypto.Hkdf;
import java.util.Locale;

/**
 * The safety code of docs/protocol.md 12.6: 20 digits, in four groups of five, that both sides show and can compare
 * on another channel. Equal codes mean equal transcript hashes: same organisation, conversation, certificate and
 * ephemeral keys. A fingerprint, not a secret.
 */
public final class SafetyCode {
  private static final byte[] INFO = Wire.ascii("passerelle/v1/safety-code");
  private static final int GROUPS = 4;
  private static final int GROUP_BYTES = 5;

  private SafetyCode() {}

  /** The code of a transcript hash, such as "01234 56789 01234 56789". */
  public static String of(byte[] transcriptHash) {
    byte[] digest = Hkdf.derive(new byte[0], transcriptHash, INFO, GROUPS * GROUP_BYTES);
    StringBuilder code = new StringBuilder();
    for (int group = 0; group < GROUPS; group++) {
      long value = 0;
      for (int i = 0; i < GROUP_BYTES; i++) {
        value = (value << 8) | (digest[group * GROUP_BYTES + i] & 0xff);
      }
      if (group > 0) {
        code.append(' ');
      }
      code.append(String.format(Locale.ROOT, "%05d", value % 100_000));
    }
    return code.toString();
  }
}
