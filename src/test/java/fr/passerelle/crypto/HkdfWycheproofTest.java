package fr.passerelle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Wycheproof hkdf_sha256_test.json: 83 valid must derive the expected bytes, 3 invalid (output longer than 255
 * blocks) must be refused with {@code BAD_LENGTH}; the file has no acceptable cases.
 */
class HkdfWycheproofTest {

  @TestFactory
  Stream<DynamicTest> everyVector() {
    return Vectors.wycheproof("hkdf_sha256_test.json").stream()
        .map(test -> DynamicTest.dynamicTest(Vectors.name(test), () -> check(test)));
  }

  private static void check(JsonObject test) {
    byte[] salt = Vectors.hex(test, "salt");
    byte[] ikm = Vectors.hex(test, "ikm");
    byte[] info = Vectors.hex(test, "info");
    int size = test.getInteger("size");
    if ("valid".equals(test.getString("result"))) {
      assertThat(Vectors.hex(Hkdf.derive(salt, ikm, info, size))).isEqualTo(test.getString("okm"));
      assertThat(Vectors.hex(Hkdf.expand(Hkdf.extract(salt, ikm), info, size))).isEqualTo(test.getString("okm"));
    } else {
      assertThatThrownBy(() -> Hkdf.derive(salt, ikm, info, size))
          .isInstanceOfSatisfying(CryptoException.class,
              e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.BAD_LENGTH));
    }
  }
}
