package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import fr.passerelle.crypto.Vectors;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The browser's HPKE. RFC 9180 Appendix A proves the KEM, the key schedule and the AEAD for DHKEM(X25519) with
 * AES-128-GCM, in the base and auth modes; the file has no X25519 vector with AES-256-GCM, the protocol's suite, so
 * that one must agree with Bouncy Castle both ways, byte for byte where the ephemeral key is fixed.
 */
class HpkeBrowserTest extends OneBrowserPerClass {
  private static final HexFormat HEX = HexFormat.of();
  private static final int KEM_X25519 = 0x0020;
  private static final int AES_128_GCM = 0x0001;
  private static final int AES_256_GCM = 0x0002;
  private static List<JsonObject> x25519Vectors() {
    List<JsonObject> vectors = new ArrayList<>();
    for (Object vector : new JsonArray(Vectors.read("rfc9180-hpke.json"))) {
      JsonObject v = (JsonObject) vector;
      if (v.getInteger("kem_id") == KEM_X25519 && v.getInteger("kdf_id") == 1) {
        vectors.add(v);
      }
    }
    return vectors;
  }

  @Test
  void theRfcHasNoX25519VectorForAes256Gcm() {
    assertThat(x25519Vectors()).extracting(v -> v.getInteger("aead_id")).doesNotContain(AES_256_GCM)
        .contains(AES_128_GCM);
  }

  @TestFactory
  Stream<DynamicNode> rfc9180BaseAndAuthModesWithAes128Gcm() {
    return x25519Vectors().stream()
        .filter(v -> v.getInteger("aead_id") == AES_128_GCM && List.of(0, 2).contains(v.getInteger("mode")))
        .map(v -> dynamicContainer("mode " + v.getInteger("mode"), checks(v)));
  }

  private static Stream<DynamicNode> checks(JsonObject v) {
    JsonObject out = browser.object("/test/vectors.js", "hpkeVector", v);
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(dynamicTest("public keys of skEm, skRm, skSm", () -> {
      assertThat(out.getString("pkEm")).isEqualTo(v.getString("pkEm"));
      assertThat(out.getString("pkRm")).isEqualTo(v.getString("pkRm"));
      assertThat(out.getString("pkSm")).isEqualTo(v.getString("pkSm"));
    }));
    tests.add(dynamicTest("Encap gives enc and shared_secret; Decap agrees", () -> {
      assertThat(out.getString("enc")).isEqualTo(v.getString("enc"));
      assertThat(out.getString("sharedSecret")).isEqualTo(v.getString("shared_secret"));
      assertThat(out.getString("decapsulated")).isEqualTo(v.getString("shared_secret"));
    }));
    tests.add(dynamicTest("KeySchedule gives key and base_nonce", () -> {
      assertThat(out.getString("key")).isEqualTo(v.getString("key"));
      assertThat(out.getString("baseNonce")).isEqualTo(v.getString("base_nonce"));
    }));
    JsonArray expected = v.getJsonArray("encryptions");
    for (int i = 0; i < expected.size(); i++) {
      JsonObject e = expected.getJsonObject(i);
      JsonObject actual = out.getJsonArray("encryptions").getJsonObject(i);
      tests.add(dynamicTest("encryption " + i + " seals to ct and opens to pt", () -> {
        assertThat(actual.getString("ct")).isEqualTo(e.getString("ct"));
        assertThat(actual.getString("pt")).isEqualTo(e.getString("pt"));
      }));
    }
    return tests.stream();
  }

  @Test
  void withAes256GcmTheBrowserSealsWhatBouncyCastleOpensAndTheSameBytesInBaseMode() throws Exception {
    JsonObject keys = keys();
    JsonObject sealed = browser.object("/test/hpke.js", "sealBothModes", keys);

    HPKE base = bouncyCastle(HPKE.mode_base);
    AsymmetricCipherKeyPair recipient = base.deserializePrivateKey(hex(keys, "recipientPrivate"),
        hex(keys, "recipientPublic"));
    HPKEContextWithEncapsulation fixedEphemeral = base.setupBaseS(recipient.getPublic(), hex(keys, "info"),
        base.deserializePrivateKey(hex(keys, "ephemeralPrivate"), hex(keys, "ephemeralPublic")));
    assertThat(sealed.getJsonObject("base").getString("enc"))
        .isEqualTo(HEX.formatHex(fixedEphemeral.getEncapsulation()));
    assertThat(sealed.getJsonObject("base").getString("ciphertext"))
        .isEqualTo(HEX.formatHex(fixedEphemeral.seal(hex(keys, "aad"), hex(keys, "plaintext"))));

    HPKE auth = bouncyCastle(HPKE.mode_auth);
    JsonObject authSealed = sealed.getJsonObject("auth");
    byte[] opened = auth.open(hex(authSealed, "enc"), recipient, hex(keys, "info"), hex(keys, "aad"),
        hex(authSealed, "ciphertext"), null, null, auth.deserializePublicKey(hex(keys, "senderPublic")));
    assertThat(HEX.formatHex(opened)).isEqualTo(keys.getString("plaintext"));
  }

  @Test
  void withAes256GcmTheBrowserOpensWhatBouncyCastleSealsAndNothingElse() throws Exception {
    JsonObject keys = keys();
    HPKE base = bouncyCastle(HPKE.mode_base);
    HPKE auth = bouncyCastle(HPKE.mode_auth);
    var recipientPublic = base.deserializePublicKey(hex(keys, "recipientPublic"));
    HPKEContextWithEncapsulation baseSender = base.setupBaseS(recipientPublic, hex(keys, "info"));
    HPKEContextWithEncapsulation authSender = auth.setupAuthS(recipientPublic, hex(keys, "info"),
        auth.deserializePrivateKey(hex(keys, "senderPrivate"), hex(keys, "senderPublic")));
    JsonObject sealed = keys.copy()
        .put("base", sealed(baseSender, baseSender.seal(hex(keys, "aad"), hex(keys, "plaintext"))))
        .put("auth", sealed(authSender, authSender.seal(hex(keys, "aad"), hex(keys, "plaintext"))));

    assertThat(browser.object("/test/hpke.js", "openBothModes", sealed)).isEqualTo(new JsonObject()
        .put("base", keys.getString("plaintext")).put("auth", keys.getString("plaintext")));
    assertThat(browser.object("/test/hpke.js", "openBothModes", sealed.copy().put("info", "00")))
        .isEqualTo(new JsonObject().put("base", "AUTH_FAILED").put("auth", "AUTH_FAILED"));
    assertThat(browser.object("/test/hpke.js", "openBothModes", sealed.copy().put("aad", "")))
        .isEqualTo(new JsonObject().put("base", "AUTH_FAILED").put("auth", "AUTH_FAILED"));
    JsonObject otherSender = sealed.copy().put("senderPublic", keys.getString("ephemeralPublic"));
    assertThat(browser.object("/test/hpke.js", "openBothModes", otherSender).getString("auth"))
        .isEqualTo("AUTH_FAILED");
    JsonObject lowOrderEnc = sealed.copy()
        .put("base", sealed.getJsonObject("base").copy().put("enc", "01" + "00".repeat(31)))
        .put("auth", sealed.getJsonObject("auth").copy().put("enc", "00".repeat(32)));
    assertThat(browser.object("/test/hpke.js", "openBothModes", lowOrderEnc))
        .isEqualTo(new JsonObject().put("base", "LOW_ORDER_POINT").put("auth", "LOW_ORDER_POINT"));
  }

  // The key pairs of the RFC's X25519 auth-mode vector, reused with our suite.
  private static JsonObject keys() {
    JsonObject v = x25519Vectors().stream().filter(x -> x.getInteger("mode") == 2).findFirst().orElseThrow();
    return new JsonObject()
        .put("recipientPrivate", v.getString("skRm")).put("recipientPublic", v.getString("pkRm"))
        .put("senderPrivate", v.getString("skSm")).put("senderPublic", v.getString("pkSm"))
        .put("ephemeralPrivate", v.getString("skEm")).put("ephemeralPublic", v.getString("pkEm"))
        .put("info", HEX.formatHex("passerelle/v1/test".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .put("aad", "0102030405").put("plaintext", HEX.formatHex("Prénom: A., hébergement ce soir"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static HPKE bouncyCastle(byte mode) {
    return new HPKE(mode, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
  }

  private static JsonObject sealed(HPKEContextWithEncapsulation sender, byte[] ciphertext) {
    return new JsonObject().put("enc", HEX.formatHex(sender.getEncapsulation()))
        .put("ciphertext", HEX.formatHex(ciphertext));
  }

  private static byte[] hex(JsonObject json, String field) {
    return HEX.parseHex(json.getString(field));
  }
}
