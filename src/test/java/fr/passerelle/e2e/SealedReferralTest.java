package fr.passerelle.e2e;

import static fr.passerelle.e2e.TestWorld.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.crypto.CryptoException.Reason;
import fr.passerelle.crypto.Hpke;
import fr.passerelle.crypto.X25519;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Sealed referrals (docs/protocol.md 12.8): they open only as the referral they were sealed as. */
class SealedReferralTest {
  private static final byte[] FORM =
      "{\"departement\":\"75\",\"languages\":[\"ro\",\"fr\"],\"ageBand\":\"18-25\"}".getBytes(StandardCharsets.UTF_8);

  private final X25519.KeyPair association = X25519.generate(TestWorld.RANDOM);
  private final byte[] sealed =
      SealedReferral.seal(association.publicKey(), "assoc-1", 1, "r-1", FORM, TestWorld.KEYS);

  @Test
  void theAssociationOpensIt() {
    assertThat(open("assoc-1", 1, "r-1", sealed)).isEqualTo(FORM);
    assertThat(sealed).hasSize(1 + 32 + 256 + 16);
    assertThat(sealed[0]).isEqualTo((byte) 1);
  }

  @Test
  void anotherAssociationIdFormVersionOrReferralIdFails() {
    assertRefused(() -> open("assoc-2", 1, "r-1", sealed), Reason.AUTH_FAILED);
    assertRefused(() -> open("assoc-1", 2, "r-1", sealed), Reason.AUTH_FAILED);
    assertRefused(() -> open("assoc-1", 1, "r-2", sealed), Reason.AUTH_FAILED);
  }

  @Test
  void anotherKeyCannotOpenIt() {
    byte[] stranger = X25519.generate(TestWorld.RANDOM).privateKey();
    assertRefused(() -> SealedReferral.open(stranger, "assoc-1", 1, "r-1", sealed), Reason.AUTH_FAILED);
  }

  @Test
  void everyPrefixIsMalformedOrFailsToOpen() {
    for (int length = 0; length < sealed.length; length++) {
      byte[] truncated = Arrays.copyOf(sealed, length);
      Reason expected = length < 33 ? Reason.MALFORMED : Reason.AUTH_FAILED;
      assertThatThrownBy(() -> open("assoc-1", 1, "r-1", truncated)).isInstanceOfSatisfying(CryptoException.class,
          e -> assertThat(e.reason()).as("prefix of %d bytes", truncated.length).isEqualTo(expected));
    }
  }

  @Test
  void anUnknownVersionIsUnsupported() {
    byte[] other = sealed.clone();
    other[0] = 0x00;
    assertRefused(() -> open("assoc-1", 1, "r-1", other), Reason.UNSUPPORTED_VERSION);
  }

  @Test
  void aLowOrderEncIsRefused() {
    byte[] lowOrder = sealed.clone();
    System.arraycopy(TestWorld.LOW_ORDER_KEYS[1], 0, lowOrder, 1, 32);
    assertRefused(() -> open("assoc-1", 1, "r-1", lowOrder), Reason.LOW_ORDER_POINT);
  }

  @Test
  void badPaddingIsMalformed() {
    // The referral's info and aad, written out from the protocol text, around a form sealed without its padding.
    byte[] info = Bytes.concat(ascii("passerelle/v1/referral\0"), new byte[] {7}, ascii("assoc-1"), new byte[] {1});
    byte[] aad = Bytes.concat(ascii("passerelle/v1/referral-id\0"), new byte[] {3}, ascii("r-1"));
    Hpke.Sealed unpadded = Hpke.seal(association.publicKey(), info, aad, FORM, TestWorld.RANDOM);
    byte[] bad = Bytes.concat(new byte[] {1}, unpadded.enc(), unpadded.ciphertext());
    assertRefused(() -> open("assoc-1", 1, "r-1", bad), Reason.MALFORMED);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private byte[] open(String associationId, int formVersion, String referralId, byte[] input) {
    return SealedReferral.open(association.privateKey(), associationId, formVersion, referralId, input);
  }
}
