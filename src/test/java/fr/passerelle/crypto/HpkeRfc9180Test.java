package fr.passerelle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * RFC 9180 Appendix A: every base-mode (mode 0) and auth-mode (mode 2) vector with DHKEM(X25519, HKDF-SHA256), that
 * is HKDF-SHA256 with AES-128-GCM, ChaCha20-Poly1305 and export-only. Our own implementation must reproduce each
 * intermediate value, ciphertext and export. Bouncy Castle's HPKE must reproduce enc, the ciphertexts and the exports
 * in base mode; in auth mode it draws its own ephemeral key, so there it must open every ciphertext and reproduce the
 * exports as the receiver. The PSK and auth-PSK modes and the P-256 and P-521 suites are out of scope and skipped. No
 * published vector uses our suite, X25519 with AES-256-GCM: {@link HpkeInteropTest} checks it against Bouncy Castle.
 */
class HpkeRfc9180Test {

  private static List<JsonObject> x25519Vectors() {
    List<JsonObject> vectors = new ArrayList<>();
    for (Object vector : new JsonArray(Vectors.read("rfc9180-hpke.json"))) {
      JsonObject v = (JsonObject) vector;
      int mode = v.getInteger("mode");
      if ((mode == HpkeContext.MODE_BASE || mode == HpkeContext.MODE_AUTH)
          && v.getInteger("kem_id") == HpkeSuite.KEM_X25519_SHA256) {
        vectors.add(v);
      }
    }
    return vectors;
  }

  @Test
  void theVectorFileHoldsTheThreeX25519SuitesInBaseAndAuthMode() {
    assertThat(x25519Vectors())
        .extracting(v -> v.getInteger("mode") + ":" + v.getInteger("kdf_id") + "/" + v.getInteger("aead_id"))
        .containsExactlyInAnyOrder("0:1/1", "0:1/3", "0:1/65535", "2:1/1", "2:1/3", "2:1/65535");
  }

  @TestFactory
  Stream<DynamicNode> everyX25519BaseAndAuthModeVector() {
    return x25519Vectors().stream().map(v -> dynamicContainer("mode " + v.getInteger("mode")
        + ", kem 0x0020, kdf " + v.getInteger("kdf_id") + ", aead " + v.getInteger("aead_id"), tests(v)));
  }

  private static Stream<DynamicNode> tests(JsonObject v) {
    HpkeSuite suite = new HpkeSuite(HpkeAead.byId(v.getInteger("aead_id")));
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(dynamicTest("DeriveKeyPair(ikmE), DeriveKeyPair(ikmR) and, in auth mode, DeriveKeyPair(ikmS)",
        () -> checkKeys(v)));
    tests.add(dynamicTest("(Auth)Encap gives enc and shared_secret; (Auth)Decap agrees", () -> checkKem(v)));
    tests.add(dynamicTest("KeySchedule gives context, secret, key, base_nonce, exporter_secret",
        () -> checkSchedule(suite, v)));
    JsonArray encryptions = v.getJsonArray("encryptions");
    for (int i = 0; i < encryptions.size(); i++) {
      JsonObject e = encryptions.getJsonObject(i);
      long sequence = sequence(v, e);
      tests.add(dynamicTest("encryption " + i + " (sequence " + sequence + ")", () -> checkEncryption(suite, v, e)));
      tests.add(dynamicTest("encryption " + i + " with Bouncy Castle", () -> checkBouncyCastleEncryption(v, e)));
    }
    JsonArray exports = v.getJsonArray("exports");
    for (int i = 0; i < exports.size(); i++) {
      JsonObject x = exports.getJsonObject(i);
      tests.add(dynamicTest("export " + i + " (L = " + x.getInteger("L") + ")", () -> checkExport(suite, v, x)));
      tests.add(dynamicTest("export " + i + " with Bouncy Castle", () -> checkBouncyCastleExport(v, x)));
    }
    return tests.stream();
  }

  private static void checkKeys(JsonObject v) {
    X25519.KeyPair ephemeral = Dhkem.deriveKeyPair(Vectors.hex(v, "ikmE"));
    X25519.KeyPair recipient = Dhkem.deriveKeyPair(Vectors.hex(v, "ikmR"));
    assertThat(Vectors.hex(ephemeral.privateKey())).isEqualTo(v.getString("skEm"));
    assertThat(Vectors.hex(ephemeral.publicKey())).isEqualTo(v.getString("pkEm"));
    assertThat(Vectors.hex(recipient.privateKey())).isEqualTo(v.getString("skRm"));
    assertThat(Vectors.hex(recipient.publicKey())).isEqualTo(v.getString("pkRm"));
    if (isAuth(v)) {
      X25519.KeyPair sender = Dhkem.deriveKeyPair(Vectors.hex(v, "ikmS"));
      assertThat(Vectors.hex(sender.privateKey())).isEqualTo(v.getString("skSm"));
      assertThat(Vectors.hex(sender.publicKey())).isEqualTo(v.getString("pkSm"));
    }
  }

  private static void checkKem(JsonObject v) {
    Dhkem.Encapsulation encapsulation = encap(v);
    assertThat(Vectors.hex(encapsulation.enc())).isEqualTo(v.getString("enc"));
    assertThat(Vectors.hex(encapsulation.sharedSecret())).isEqualTo(v.getString("shared_secret"));
    assertThat(Vectors.hex(decap(v))).isEqualTo(v.getString("shared_secret"));
  }

  private static void checkSchedule(HpkeSuite suite, JsonObject v) {
    byte[] sharedSecret = Vectors.hex(v, "shared_secret");
    HpkeContext.Schedule schedule = HpkeContext.schedule(suite, mode(v), sharedSecret, Vectors.hex(v, "info"));
    assertThat(Vectors.hex(schedule.keyScheduleContext())).isEqualTo(v.getString("key_schedule_context"));
    assertThat(Vectors.hex(schedule.secret())).isEqualTo(v.getString("secret"));
    assertThat(Vectors.hex(schedule.key())).isEqualTo(v.getString("key"));
    assertThat(Vectors.hex(schedule.baseNonce())).isEqualTo(v.getString("base_nonce"));
    assertThat(Vectors.hex(schedule.exporterSecret())).isEqualTo(v.getString("exporter_secret"));
  }

  // The sender seals filler up to the vector's sequence number; the receiver, set up from enc and skRm, opens each.
  private static void checkEncryption(HpkeSuite suite, JsonObject v, JsonObject e) {
    HpkeContext sender = sender(suite, v);
    HpkeContext receiver = receiver(suite, v);
    byte[] aad = Vectors.hex(e, "aad");
    for (long i = 0; i < sequence(v, e); i++) {
      byte[] filler = {(byte) i};
      assertThat(receiver.open(aad, sender.seal(aad, filler))).isEqualTo(filler);
    }
    byte[] ciphertext = sender.seal(aad, Vectors.hex(e, "pt"));
    assertThat(Vectors.hex(ciphertext)).isEqualTo(e.getString("ct"));
    assertThat(Vectors.hex(receiver.open(aad, ciphertext))).isEqualTo(e.getString("pt"));
  }

  private static void checkExport(HpkeSuite suite, JsonObject v, JsonObject x) {
    HpkeContext sender = sender(suite, v);
    HpkeContext receiver = receiver(suite, v);
    byte[] context = Vectors.hex(x, "exporter_context");
    assertThat(Vectors.hex(sender.export(context, x.getInteger("L")))).isEqualTo(x.getString("exported_value"));
    assertThat(Vectors.hex(receiver.export(context, x.getInteger("L")))).isEqualTo(x.getString("exported_value"));
  }

  private static void checkBouncyCastleEncryption(JsonObject v, JsonObject e) throws Exception {
    if (isAuth(v)) {
      checkBouncyCastleAuthDecryption(v, e);
      return;
    }
    HPKE hpke = bouncyCastle(v);
    HPKEContextWithEncapsulation sender = bouncyCastleSender(hpke, v);
    assertThat(Vectors.hex(sender.getEncapsulation())).isEqualTo(v.getString("enc"));
    byte[] aad = Vectors.hex(e, "aad");
    for (long i = 0; i < sequence(v, e); i++) {
      sender.seal(aad, new byte[] {(byte) i});
    }
    assertThat(Vectors.hex(sender.seal(aad, Vectors.hex(e, "pt")))).isEqualTo(e.getString("ct"));
  }

  // With the vector's enc, Bouncy Castle opens the fillers our sender seals up to the sequence number, then the vector.
  private static void checkBouncyCastleAuthDecryption(JsonObject v, JsonObject e) throws Exception {
    HPKEContext receiver = bouncyCastleReceiver(bouncyCastle(v), v);
    HpkeContext sender = sender(new HpkeSuite(HpkeAead.byId(v.getInteger("aead_id"))), v);
    byte[] aad = Vectors.hex(e, "aad");
    for (long i = 0; i < sequence(v, e); i++) {
      byte[] filler = {(byte) i};
      assertThat(receiver.open(aad, sender.seal(aad, filler))).isEqualTo(filler);
    }
    assertThat(Vectors.hex(receiver.open(aad, Vectors.hex(e, "ct")))).isEqualTo(e.getString("pt"));
  }

  private static void checkBouncyCastleExport(JsonObject v, JsonObject x) {
    HPKE hpke = bouncyCastle(v);
    byte[] exported = bouncyCastleReceiver(hpke, v).export(Vectors.hex(x, "exporter_context"), x.getInteger("L"));
    assertThat(Vectors.hex(exported)).isEqualTo(x.getString("exported_value"));
    if (!isAuth(v)) {
      byte[] sent = bouncyCastleSender(hpke, v).export(Vectors.hex(x, "exporter_context"), x.getInteger("L"));
      assertThat(Vectors.hex(sent)).isEqualTo(x.getString("exported_value"));
    }
  }

  private static HPKE bouncyCastle(JsonObject v) {
    short aead = (short) (int) v.getInteger("aead_id");
    return new HPKE(mode(v), HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, aead);
  }

  private static HPKEContext bouncyCastleReceiver(HPKE hpke, JsonObject v) {
    AsymmetricCipherKeyPair recipient = hpke.deserializePrivateKey(Vectors.hex(v, "skRm"), Vectors.hex(v, "pkRm"));
    byte[] enc = Vectors.hex(v, "enc");
    byte[] info = Vectors.hex(v, "info");
    return isAuth(v) ? hpke.setupAuthR(enc, recipient, info, hpke.deserializePublicKey(Vectors.hex(v, "pkSm")))
        : hpke.setupBaseR(enc, recipient, info);
  }

  private static HPKEContextWithEncapsulation bouncyCastleSender(HPKE hpke, JsonObject v) {
    AsymmetricCipherKeyPair ephemeral = hpke.deriveKeyPair(Vectors.hex(v, "ikmE"));
    assertThat(Vectors.hex(hpke.serializePublicKey(ephemeral.getPublic()))).isEqualTo(v.getString("pkEm"));
    return hpke.setupBaseS(hpke.deserializePublicKey(Vectors.hex(v, "pkRm")), Vectors.hex(v, "info"), ephemeral);
  }

  private static HpkeContext sender(HpkeSuite suite, JsonObject v) {
    return HpkeContext.create(suite, mode(v), encap(v).sharedSecret(), Vectors.hex(v, "info"));
  }

  private static HpkeContext receiver(HpkeSuite suite, JsonObject v) {
    return HpkeContext.create(suite, mode(v), decap(v), Vectors.hex(v, "info"));
  }

  private static Dhkem.Encapsulation encap(JsonObject v) {
    return isAuth(v) ? Dhkem.authEncap(Vectors.hex(v, "pkRm"), Vectors.hex(v, "skSm"), ephemeral(v))
        : Dhkem.encap(Vectors.hex(v, "pkRm"), ephemeral(v));
  }

  private static byte[] decap(JsonObject v) {
    return isAuth(v) ? Dhkem.authDecap(Vectors.hex(v, "enc"), Vectors.hex(v, "skRm"), Vectors.hex(v, "pkSm"))
        : Dhkem.decap(Vectors.hex(v, "enc"), Vectors.hex(v, "skRm"));
  }

  private static byte mode(JsonObject v) {
    return (byte) (int) v.getInteger("mode");
  }

  private static boolean isAuth(JsonObject v) {
    return mode(v) == HpkeContext.MODE_AUTH;
  }

  private static X25519.KeyPair ephemeral(JsonObject v) {
    return new X25519.KeyPair(Vectors.hex(v, "skEm"), Vectors.hex(v, "pkEm"));
  }

  // seq = nonce XOR base_nonce, which leaves the leading bytes zero for any sequence number a long can hold.
  private static long sequence(JsonObject v, JsonObject e) {
    byte[] nonce = Vectors.hex(e, "nonce");
    byte[] base = Vectors.hex(v, "base_nonce");
    byte[] xor = new byte[nonce.length];
    for (int i = 0; i < nonce.length; i++) {
      xor[i] = (byte) (nonce[i] ^ base[i]);
    }
    assertThat(Arrays.copyOf(xor, nonce.length - Long.BYTES)).containsOnly(0);
    return new BigInteger(1, xor).longValueExact();
  }
}
