package fr.passerelle.e2e;

import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.Hpke;

/**
 * A referral form sealed to an association's key with HPKE base mode (docs/protocol.md 12.8):
 * {@code u8(0x01) | enc (32) | ct}. The association id and form version are bound in the HPKE info and the referral
 * id in the associated data, so a sealed referral opens only as the referral it was sealed as.
 */
public final class SealedReferral {
  private static final byte[] INFO_LABEL = Wire.label0("passerelle/v1/referral");
  private static final byte[] AAD_LABEL = Wire.label0("passerelle/v1/referral-id");

  private SealedReferral() {}

  /** Seals {@code form} (UTF-8 JSON) to {@code associationKey}; draws the HPKE ephemeral key from {@code source}. */
  public static byte[] seal(byte[] associationKey, String associationId, int formVersion, String referralId,
      byte[] form, KeySource source) {
    byte[] padded = Padding.pad(form);
    try {
      Hpke.Sealed sealed = Hpke.seal(associationKey, info(associationId, formVersion), aad(referralId), padded,
          source.next());
      return Bytes.concat(new byte[] {Wire.VERSION}, sealed.enc(), sealed.ciphertext());
    } finally {
      Bytes.wipe(padded);
    }
  }

  /**
   * The form inside {@code sealed}: {@code UNSUPPORTED_VERSION} or {@code MALFORMED} for the layout or padding,
   * {@code AUTH_FAILED} for another key, association id, form version or referral id, or an altered ciphertext.
   */
  public static byte[] open(byte[] associationPrivateKey, String associationId, int formVersion, String referralId,
      byte[] sealed) {
    WireReader in = new WireReader(sealed, "sealed referral");
    in.version();
    byte[] enc = in.bytes(32);
    byte[] ciphertext = in.rest();
    return Padding.unpad(Hpke.open(associationPrivateKey, enc, info(associationId, formVersion), aad(referralId),
        ciphertext));
  }

  private static byte[] info(String associationId, int formVersion) {
    if (formVersion < 0 || formVersion > 0xff) {
      throw new IllegalArgumentException("a form version is one byte, not " + formVersion);
    }
    return Bytes.concat(INFO_LABEL, Wire.lp8(associationId, "association id"), new byte[] {(byte) formVersion});
  }

  private static byte[] aad(String referralId) {
    return Bytes.concat(AAD_LABEL, Wire.lp8(referralId, "referral id"));
  }
}
