package fr.passerelle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Wycheproof aes_gcm_test.json: 229 valid, 87 invalid, no acceptable cases; every tag is 128 bits.
 *
 * <p>Groups with a 96-bit IV run fully: valid must seal to the expected ciphertext and open back, invalid must fail
 * with {@code AUTH_FAILED}. 256-bit keys go through the public API; 128- and 192-bit keys through the package-private
 * variant (HPKE's AES-128-GCM suite needs it), and the public API must refuse them with {@code BAD_KEY_LENGTH}.
 * Groups with any other IV size (0 to 2056 bits) must be refused with {@code BAD_LENGTH}, valid or not.
 */
class AesGcmWycheproofTest {

  @TestFactory
  Stream<DynamicTest> everyVector() {
    return Vectors.wycheproof("aes_gcm_test.json").stream()
        .map(test -> DynamicTest.dynamicTest(Vectors.name(test), () -> check(test)));
  }

  private static void check(JsonObject test) {
    JsonObject group = test.getJsonObject("group");
    assertThat(group.getInteger("tagSize")).isEqualTo(128);
    byte[] key = Vectors.hex(test, "key");
    byte[] iv = Vectors.hex(test, "iv");
    byte[] aad = Vectors.hex(test, "aad");
    byte[] msg = Vectors.hex(test, "msg");
    byte[] sealed = Bytes.concat(Vectors.hex(test, "ct"), Vectors.hex(test, "tag"));
    if (group.getInteger("ivSize") != 96) {
      assertRefused(() -> Aead.sealAnyAesKey(key, iv, aad, msg), CryptoException.Reason.BAD_LENGTH);
      assertRefused(() -> Aead.openAnyAesKey(key, iv, aad, sealed), CryptoException.Reason.BAD_LENGTH);
      return;
    }
    if (key.length != Aead.KEY_LENGTH) {
      assertRefused(() -> Aead.open(key, iv, aad, sealed), CryptoException.Reason.BAD_KEY_LENGTH);
    }
    if ("valid".equals(test.getString("result"))) {
      assertThat(Vectors.hex(seal(key, iv, aad, msg))).isEqualTo(Vectors.hex(sealed));
      assertThat(Vectors.hex(open(key, iv, aad, sealed))).isEqualTo(Vectors.hex(msg));
    } else {
      assertRefused(() -> open(key, iv, aad, sealed), CryptoException.Reason.AUTH_FAILED);
    }
  }

  private static byte[] seal(byte[] key, byte[] iv, byte[] aad, byte[] msg) {
    return key.length == Aead.KEY_LENGTH ? Aead.seal(key, iv, aad, msg) : Aead.sealAnyAesKey(key, iv, aad, msg);
  }

  private static byte[] open(byte[] key, byte[] iv, byte[] aad, byte[] sealed) {
    return key.length == Aead.KEY_LENGTH ? Aead.open(key, iv, aad, sealed) : Aead.openAnyAesKey(key, iv, aad, sealed);
  }

  private static void assertRefused(ThrowingCallable call, CryptoException.Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
