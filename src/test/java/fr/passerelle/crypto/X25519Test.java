package fr.passerelle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** X25519 agreement between honest keys, and its refusals. */
class X25519Test {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void bothSidesDeriveTheSameSecret() {
    X25519.KeyPair alice = X25519.generate(RANDOM);
    X25519.KeyPair bob = X25519.generate(RANDOM);
    assertThat(X25519.agree(alice.privateKey(), bob.publicKey())).isEqualTo(X25519.agree(bob.privateKey(),
        alice.publicKey()));
    assertThat(X25519.publicKey(alice.privateKey())).isEqualTo(alice.publicKey());
  }

  // The canonical encodings of the points of order 1, 2, 4 and 8 on the curve and its twist (u = 0, 1, p - 1, and
  // the two order-8 points), as listed in the Curve25519 small-subgroup literature.
  @ParameterizedTest
  @ValueSource(strings = {
      "0000000000000000000000000000000000000000000000000000000000000000",
      "0100000000000000000000000000000000000000000000000000000000000000",
      "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
      "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157"})
  void lowOrderPeerKeysAreRefused(String peer) {
    byte[] privateKey = X25519.generate(RANDOM).privateKey();
    assertRefused(() -> X25519.agree(privateKey, HexFormat.of().parseHex(peer)),
        CryptoException.Reason.LOW_ORDER_POINT);
    assertRefused(() -> X25519.requireValidPublicKey(HexFormat.of().parseHex(peer)),
        CryptoException.Reason.LOW_ORDER_POINT);
  }

  @Test
  void anHonestPublicKeyIsValid() {
    X25519.requireValidPublicKey(X25519.generate(RANDOM).publicKey());
  }

  @Test
  void nonCanonicalPeerKeysAreRefused() {
    byte[] privateKey = X25519.generate(RANDOM).privateKey();
    byte[] topBitSet = X25519.generate(RANDOM).publicKey();
    topBitSet[31] |= (byte) 0x80;
    byte[] p = HexFormat.of().parseHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    assertRefused(() -> X25519.agree(privateKey, topBitSet), CryptoException.Reason.NON_CANONICAL_KEY);
    assertRefused(() -> X25519.agree(privateKey, p), CryptoException.Reason.NON_CANONICAL_KEY);
    assertRefused(() -> X25519.requireValidPublicKey(topBitSet), CryptoException.Reason.NON_CANONICAL_KEY);
    assertRefused(() -> X25519.requireValidPublicKey(p), CryptoException.Reason.NON_CANONICAL_KEY);
  }

  @Test
  void keysOfTheWrongLengthAreRefused() {
    X25519.KeyPair pair = X25519.generate(RANDOM);
    assertRefused(() -> X25519.agree(new byte[31], pair.publicKey()), CryptoException.Reason.BAD_KEY_LENGTH);
    assertRefused(() -> X25519.agree(pair.privateKey(), new byte[33]), CryptoException.Reason.BAD_KEY_LENGTH);
    assertRefused(() -> X25519.publicKey(new byte[0]), CryptoException.Reason.BAD_KEY_LENGTH);
    assertRefused(() -> X25519.requireValidPublicKey(new byte[31]), CryptoException.Reason.BAD_KEY_LENGTH);
  }

  private static void assertRefused(ThrowingCallable call, CryptoException.Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
