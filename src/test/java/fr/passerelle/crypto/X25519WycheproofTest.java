package fr.passerelle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Wycheproof x25519_test.json: 264 valid, 254 acceptable, no invalid.
 *
 * <p>Acceptable cases get one fixed outcome each. A public key with its top bit set or encoding u >= p is refused
 * ({@code NON_CANONICAL_KEY}): the 19 {@code NonCanonicalPublic} cases and 10 {@code LowOrderPublic} ones written
 * with the top bit set. Otherwise an all-zero expected secret ({@code ZeroSharedSecret}, {@code LowOrderPublic}) is
 * refused ({@code LOW_ORDER_POINT}). Every other acceptable case ({@code Twist}, {@code SmallPublicKey},
 * {@code SpecialPublicKey}, {@code EdgeCase*}) must give exactly the expected shared secret, as valid ones do.
 */
class X25519WycheproofTest {
  private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

  @TestFactory
  Stream<DynamicTest> everyVector() {
    return Vectors.wycheproof("x25519_test.json").stream()
        .map(test -> DynamicTest.dynamicTest(Vectors.name(test), () -> check(test)));
  }

  private static void check(JsonObject test) {
    byte[] privateKey = Vectors.hex(test, "private");
    byte[] publicKey = Vectors.hex(test, "public");
    byte[] shared = Vectors.hex(test, "shared");
    if (!canonical(publicKey)) {
      assertThat(test.getString("result")).isEqualTo("acceptable");
      assertRefused(privateKey, publicKey, CryptoException.Reason.NON_CANONICAL_KEY);
    } else if (Bytes.equal(shared, new byte[32])) {
      assertThat(test.getString("result")).isEqualTo("acceptable");
      assertRefused(privateKey, publicKey, CryptoException.Reason.LOW_ORDER_POINT);
    } else {
      assertThat(Vectors.hex(X25519.agree(privateKey, publicKey))).isEqualTo(Vectors.hex(shared));
    }
  }

  private static boolean canonical(byte[] littleEndian) {
    byte[] bigEndian = new byte[littleEndian.length];
    for (int i = 0; i < littleEndian.length; i++) {
      bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
    }
    return new BigInteger(1, bigEndian).compareTo(P) < 0;
  }

  private static void assertRefused(byte[] privateKey, byte[] publicKey, CryptoException.Reason reason) {
    assertThatThrownBy(() -> X25519.agree(privateKey, publicKey))
        .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
