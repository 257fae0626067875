package fr.passerelle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** HKDF limits, and the byte helpers secrets rely on. */
class HkdfTest {

  @Test
  void outputLengthsOutsideZeroTo8160AreRefused() {
    byte[] prk = Hkdf.extract(new byte[0], new byte[32]);
    assertThat(Hkdf.expand(prk, new byte[0], 0)).isEmpty();
    assertThat(Hkdf.expand(prk, new byte[0], Hkdf.MAX_LENGTH)).hasSize(8160);
    assertThatThrownBy(() -> Hkdf.expand(prk, new byte[0], Hkdf.MAX_LENGTH + 1))
        .isInstanceOfSatisfying(CryptoException.class,
            e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.BAD_LENGTH));
    assertThatThrownBy(() -> Hkdf.expand(prk, new byte[0], -1)).isInstanceOf(CryptoException.class);
  }

  @Test
  void aPseudorandomKeyShorterThanTheHashIsRefused() {
    assertThatThrownBy(() -> Hkdf.expand(new byte[31], new byte[0], 32))
        .isInstanceOfSatisfying(CryptoException.class,
            e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.BAD_KEY_LENGTH));
  }

  @Test
  void bytesCompareAndWipe() {
    byte[] a = {1, 2, 3};
    assertThat(Bytes.equal(a, new byte[] {1, 2, 3})).isTrue();
    assertThat(Bytes.equal(a, new byte[] {1, 2, 4})).isFalse();
    assertThat(Bytes.equal(a, new byte[] {1, 2})).isFalse();
    byte[] b = {9};
    Bytes.wipe(a, b);
    assertThat(a).containsOnly(0);
    assertThat(b).containsOnly(0);
  }
}
