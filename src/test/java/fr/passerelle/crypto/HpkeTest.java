package fr.passerelle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The public single-shot HPKE API: round trip, and every way a sealed referral must fail to open. */
class HpkeTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] INFO = "passerelle referral v1 / association 42".getBytes(StandardCharsets.UTF_8);
  private static final byte[] AAD = "referral 7f3a".getBytes(StandardCharsets.UTF_8);
  private static final byte[] PLAINTEXT = "needs a bed tonight".getBytes(StandardCharsets.UTF_8);

  private final X25519.KeyPair recipient = X25519.generate(RANDOM);
  private final Hpke.Sealed sealed = Hpke.seal(recipient.publicKey(), INFO, AAD, PLAINTEXT, RANDOM);

  @Test
  void theRecipientOpensWhatWasSealedToIt() {
    assertThat(sealed.enc()).hasSize(32);
    assertThat(sealed.ciphertext()).hasSize(PLAINTEXT.length + Aead.TAG_LENGTH);
    assertThat(Hpke.open(recipient.privateKey(), sealed.enc(), INFO, AAD, sealed.ciphertext())).isEqualTo(PLAINTEXT);
  }

  @Test
  void eachSealUsesAFreshEphemeralKey() {
    Hpke.Sealed again = Hpke.seal(recipient.publicKey(), INFO, AAD, PLAINTEXT, RANDOM);
    assertThat(again.enc()).isNotEqualTo(sealed.enc());
    assertThat(again.ciphertext()).isNotEqualTo(sealed.ciphertext());
  }

  @Test
  void aTamperedCiphertextDoesNotOpen() {
    for (int i = 0; i < sealed.ciphertext().length; i++) {
      byte[] tampered = sealed.ciphertext().clone();
      tampered[i] ^= 0x01;
      assertAuthFailed(() -> Hpke.open(recipient.privateKey(), sealed.enc(), INFO, AAD, tampered));
    }
  }

  @Test
  void aTruncatedCiphertextDoesNotOpen() {
    byte[] ciphertext = sealed.ciphertext();
    for (int length : new int[] {0, 1, Aead.TAG_LENGTH - 1, Aead.TAG_LENGTH, ciphertext.length - 1}) {
      byte[] truncated = java.util.Arrays.copyOf(ciphertext, length);
      assertAuthFailed(() -> Hpke.open(recipient.privateKey(), sealed.enc(), INFO, AAD, truncated));
    }
  }

  @Test
  void anotherAadDoesNotOpen() {
    byte[] otherReferral = "referral 7f3b".getBytes(StandardCharsets.UTF_8);
    assertAuthFailed(() -> Hpke.open(recipient.privateKey(), sealed.enc(), INFO, otherReferral, sealed.ciphertext()));
  }

  @Test
  void anotherInfoDoesNotOpen() {
    byte[] otherAssociation = "passerelle referral v1 / association 43".getBytes(StandardCharsets.UTF_8);
    assertAuthFailed(() -> Hpke.open(recipient.privateKey(), sealed.enc(), otherAssociation, AAD, sealed.ciphertext()));
  }

  @Test
  void anotherRecipientDoesNotOpen() {
    byte[] stranger = X25519.generate(RANDOM).privateKey();
    assertAuthFailed(() -> Hpke.open(stranger, sealed.enc(), INFO, AAD, sealed.ciphertext()));
  }

  @Test
  void aTamperedEncDoesNotOpen() {
    byte[] enc = sealed.enc().clone();
    enc[0] ^= 0x01;
    assertAuthFailed(() -> Hpke.open(recipient.privateKey(), enc, INFO, AAD, sealed.ciphertext()));
  }

  @Test
  void aLowOrderEncIsRefused() {
    byte[] lowOrder = new byte[32];
    lowOrder[0] = 1;
    assertThatThrownBy(() -> Hpke.open(recipient.privateKey(), lowOrder, INFO, AAD, sealed.ciphertext()))
        .isInstanceOfSatisfying(CryptoException.class,
            e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.LOW_ORDER_POINT));
  }

  @Test
  void aLowOrderRecipientKeyIsRefused() {
    assertThatThrownBy(() -> Hpke.seal(new byte[32], INFO, AAD, PLAINTEXT, RANDOM))
        .isInstanceOfSatisfying(CryptoException.class,
            e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.LOW_ORDER_POINT));
  }

  @Test
  void keysOfTheWrongLengthAreRefused() {
    assertThatThrownBy(() -> Hpke.seal(new byte[31], INFO, AAD, PLAINTEXT, RANDOM))
        .isInstanceOfSatisfying(CryptoException.class,
            e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.BAD_KEY_LENGTH));
    assertThatThrownBy(() -> Hpke.open(recipient.privateKey(), new byte[33], INFO, AAD, sealed.ciphertext()))
        .isInstanceOfSatisfying(CryptoException.class,
            e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.BAD_KEY_LENGTH));
  }

  private static void assertAuthFailed(ThrowingCallable open) {
    assertThatThrownBy(open).isInstanceOfSatisfying(CryptoException.class,
        e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.AUTH_FAILED));
  }
}
