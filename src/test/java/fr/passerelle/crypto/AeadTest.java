package fr.passerelle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** AES-256-GCM round trip and refusals: a failed open never yields bytes. */
class AeadTest {
  private final byte[] key = new byte[32];
  private final byte[] nonce = new byte[12];
  private final byte[] aad = "conversation 1".getBytes(StandardCharsets.UTF_8);
  private final byte[] plaintext = "bonjour".getBytes(StandardCharsets.UTF_8);

  AeadTest() {
    key[0] = 7;
    nonce[11] = 1;
  }

  @Test
  void opensWhatItSeals() {
    byte[] sealed = Aead.seal(key, nonce, aad, plaintext);
    assertThat(sealed).hasSize(plaintext.length + Aead.TAG_LENGTH);
    assertThat(Aead.open(key, nonce, aad, sealed)).isEqualTo(plaintext);
    assertThat(Aead.open(key, nonce, new byte[0], Aead.seal(key, nonce, new byte[0], new byte[0]))).isEmpty();
  }

  @Test
  void truncatedOrAlteredCiphertextsFailAuthentication() {
    byte[] sealed = Aead.seal(key, nonce, aad, plaintext);
    for (int length = 0; length < sealed.length; length++) {
      byte[] truncated = Arrays.copyOf(sealed, length);
      assertRefused(() -> Aead.open(key, nonce, aad, truncated), CryptoException.Reason.AUTH_FAILED);
    }
    byte[] extended = Arrays.copyOf(sealed, sealed.length + 1);
    assertRefused(() -> Aead.open(key, nonce, aad, extended), CryptoException.Reason.AUTH_FAILED);
    assertRefused(() -> Aead.open(key, nonce, "conversation 2".getBytes(StandardCharsets.UTF_8), sealed),
        CryptoException.Reason.AUTH_FAILED);
  }

  @Test
  void otherKeyAndNonceSizesAreRefused() {
    assertRefused(() -> Aead.seal(new byte[16], nonce, aad, plaintext), CryptoException.Reason.BAD_KEY_LENGTH);
    assertRefused(() -> Aead.seal(new byte[33], nonce, aad, plaintext), CryptoException.Reason.BAD_KEY_LENGTH);
    assertRefused(() -> Aead.seal(key, new byte[16], aad, plaintext), CryptoException.Reason.BAD_LENGTH);
    assertRefused(() -> Aead.open(key, new byte[8], aad, new byte[32]), CryptoException.Reason.BAD_LENGTH);
  }

  private static void assertRefused(ThrowingCallable call, CryptoException.Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
