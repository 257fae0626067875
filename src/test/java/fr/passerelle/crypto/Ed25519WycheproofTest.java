package fr.passerelle.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Wycheproof ed25519_test.json: 88 valid must verify, 63 invalid must not; the file has no acceptable cases. */
class Ed25519WycheproofTest {

  @TestFactory
  Stream<DynamicTest> everyVector() {
    return Vectors.wycheproof("ed25519_test.json").stream()
        .map(test -> DynamicTest.dynamicTest(Vectors.name(test), () -> check(test)));
  }

  private static void check(JsonObject test) {
    byte[] publicKey = Vectors.hex(test.getJsonObject("group").getJsonObject("publicKey"), "pk");
    boolean verified = Ed25519.verify(publicKey, Vectors.hex(test, "msg"), Vectors.hex(test, "sig"));
    assertThat(verified).isEqualTo("valid".equals(test.getString("result")));
  }
}
