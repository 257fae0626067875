package fr.passerelle.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Wycheproof hmac_sha256_test.json: 66 valid, 108 invalid (modified tags), no acceptable cases. Groups with a
 * 128-bit tag are checked against the leading 16 bytes of our full tag, as Wycheproof defines truncation.
 */
class HmacWycheproofTest {

  @TestFactory
  Stream<DynamicTest> everyVector() {
    return Vectors.wycheproof("hmac_sha256_test.json").stream()
        .map(test -> DynamicTest.dynamicTest(Vectors.name(test), () -> check(test)));
  }

  private static void check(JsonObject test) {
    int tagBytes = test.getJsonObject("group").getInteger("tagSize") / 8;
    byte[] full = Hmac.sha256(Vectors.hex(test, "key"), Vectors.hex(test, "msg"));
    byte[] tag = Arrays.copyOf(full, tagBytes);
    assertThat(Bytes.equal(tag, Vectors.hex(test, "tag"))).isEqualTo("valid".equals(test.getString("result")));
  }
}
