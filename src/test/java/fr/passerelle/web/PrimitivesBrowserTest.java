package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import fr.passerelle.crypto.Vectors;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The browser library's primitives in headless Chromium. Every case of the Wycheproof files runs in the page and is
 * judged here under its own tcId: valid cases must pass and invalid ones fail; acceptable ones (x25519 only) get the
 * same fixed outcome as on the Java side, see {@link #x25519}. Then the Ed25519 checks WebCrypto does not make.
 */
class PrimitivesBrowserTest extends OneBrowserPerClass {
  private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
  private static final String ZERO_SECRET = "00".repeat(32);
  /**
   * A public key with its top bit set or encoding u ≥ p is refused as {@code NON_CANONICAL_KEY}; otherwise an
   * all-zero expected secret (a low-order key) is refused as {@code LOW_ORDER_POINT}; every other case, twist and
   * edge cases included, must give exactly the expected secret.
   */
  @TestFactory
  Stream<DynamicTest> x25519() {
    return run("x25519_test.json", "x25519Cases", t -> new JsonObject().put("tcId", t.getInteger("tcId"))
        .put("public", t.getString("public")).put("private", t.getString("private")), (t, r) -> {
          if (!canonical(Vectors.hex(t, "public"))) {
            assertThat(t.getString("result")).isEqualTo("acceptable");
            assertThat(r.getString("reason")).isEqualTo("NON_CANONICAL_KEY");
          } else if (t.getString("shared").equals(ZERO_SECRET)) {
            assertThat(t.getString("result")).isEqualTo("acceptable");
            assertThat(r.getString("reason")).isEqualTo("LOW_ORDER_POINT");
          } else {
            assertThat(r.getString("shared")).isEqualTo(t.getString("shared"));
          }
        });
  }

  @TestFactory
  Stream<DynamicTest> ed25519() {
    return run("ed25519_test.json", "ed25519Cases", t -> new JsonObject().put("tcId", t.getInteger("tcId"))
        .put("publicKey", t.getJsonObject("group").getJsonObject("publicKey").getString("pk"))
        .put("msg", t.getString("msg")).put("sig", t.getString("sig")),
        (t, r) -> assertThat(r.getBoolean("verified")).isEqualTo(valid(t)));
  }

  /**
   * Keys of 128 and 256 bits with 96-bit nonces, the sizes the protocol and the RFC 9180 vectors use: valid cases
   * seal to ct | tag and open back, invalid ones do not open. Every other size is refused by the size checks.
   */
  @TestFactory
  Stream<DynamicTest> aesGcm() {
    return run("aes_gcm_test.json", "aesGcmCases", t -> t.copy().put("group", (Object) null), (t, r) -> {
      JsonObject group = t.getJsonObject("group");
      int keySize = group.getInteger("keySize");
      if (keySize != 128 && keySize != 256) {
        assertThat(r.getString("reason")).isEqualTo("BAD_KEY_LENGTH");
      } else if (group.getInteger("ivSize") != 96) {
        assertThat(r.getString("reason")).isEqualTo("BAD_LENGTH");
      } else if (valid(t)) {
        assertThat(r.getString("sealed")).isEqualTo(t.getString("ct") + t.getString("tag"));
        assertThat(r.getString("opened")).isEqualTo(t.getString("msg"));
      } else {
        assertThat(r.getString("opened")).isNull();
        assertThat(r.getString("reason")).isEqualTo("AUTH_FAILED");
      }
    });
  }

  /** Valid cases derive the expected bytes in one WebCrypto step and in two HMAC steps; invalid ones are too long. */
  @TestFactory
  Stream<DynamicTest> hkdf() {
    return run("hkdf_sha256_test.json", "hkdfCases", t -> t.copy().put("group", (Object) null), (t, r) -> {
      if (valid(t)) {
        assertThat(r.getString("okm")).isEqualTo(t.getString("okm"));
        assertThat(r.getString("okmTwoSteps")).isEqualTo(t.getString("okm"));
      } else {
        assertThat(r.getString("reason")).isEqualTo("BAD_LENGTH");
        assertThat(r.getString("reasonTwoSteps")).isEqualTo("BAD_LENGTH");
      }
    });
  }

  /** The tag, truncated to the group's size as Wycheproof defines it, matches exactly when the case is valid. */
  @TestFactory
  Stream<DynamicTest> hmac() {
    return run("hmac_sha256_test.json", "hmacCases", t -> t.copy().put("group", (Object) null), (t, r) -> {
      int tagHex = t.getJsonObject("group").getInteger("tagSize") / 4;
      assertThat(r.getString("tag").substring(0, tagHex).equals(t.getString("tag"))).isEqualTo(valid(t));
    });
  }

  @Test
  void ed25519VerificationIsStrictWhereWebCryptoIsNot() {
    assertThat(browser.object("/test/vectors.js", "ed25519Strictness")).isEqualTo(new JsonObject()
        .put("genuine", true)
        .put("identity key, identity R, S = 0", false)
        .put("non-canonical identity key", false)
        .put("non-canonical R", false)
        .put("S + L", false)
        .put("signature of 63 bytes", false));
  }

  // Sends every case of the file to the page at once, then makes one test per case that judges its outcome.
  private static Stream<DynamicTest> run(String file, String function, Function<JsonObject, JsonObject> input,
      BiConsumer<JsonObject, JsonObject> check) {
    List<JsonObject> tests = Vectors.wycheproof(file);
    JsonArray cases = new JsonArray(tests.stream().map(input).toList());
    Map<Integer, JsonObject> outcomes = new HashMap<>();
    for (Object outcome : (JsonArray) browser.call("/test/vectors.js", function, cases)) {
      outcomes.put(((JsonObject) outcome).getInteger("tcId"), (JsonObject) outcome);
    }
    return tests.stream().map(t -> dynamicTest(Vectors.name(t), () -> check.accept(t, outcomes.get(t.getInteger("tcId")))));
  }

  private static boolean valid(JsonObject test) {
    return "valid".equals(test.getString("result"));
  }

  private static boolean canonical(byte[] littleEndian) {
    byte[] bigEndian = new byte[littleEndian.length];
    for (int i = 0; i < littleEndian.length; i++) {
      bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
    }
    return new BigInteger(1, bigEndian).compareTo(P) < 0;
  }
}
