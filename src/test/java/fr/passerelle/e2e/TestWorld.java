package fr.passerelle.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.crypto.CryptoException;
import fr.passerelle.crypto.Ed25519;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.crypto.X25519;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** An organisation with one certified worker, and what the protocol tests need around it. */
final class TestWorld {
  static final SecureRandom RANDOM = new SecureRandom();
  static final KeySource KEYS = KeySource.random(RANDOM);
  static final String ORG_ID = "org-test";
  static final String CONVERSATION_ID = "c-1";
  static final Instant NOT_BEFORE = Instant.parse("2027-01-01T00:00:00Z");
  static final Instant NOT_AFTER = NOT_BEFORE.plus(Duration.ofDays(30));
  static final Instant NOW = NOT_BEFORE.plus(Duration.ofDays(1));

  /** Public keys that no agreement may use: u = 0 and u = 1 (order 1 and 4), and a point of order 8. */
  static final byte[][] LOW_ORDER_KEYS = {
      new byte[32],
      HexFormat.of().parseHex("0100000000000000000000000000000000000000000000000000000000000000"),
      HexFormat.of().parseHex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800")};
  /** Non-canonical encodings: u = p, and a key with its top bit set. */
  static final byte[][] NON_CANONICAL_KEYS = {
      HexFormat.of().parseHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
      HexFormat.of().parseHex("0900000000000000000000000000000000000000000000000000000000000080")};

  final Ed25519.KeyPair root = Ed25519.generate(RANDOM);
  final WorkerKeys worker = WorkerKeys.generate(RANDOM);
  final byte[] certificate = certificate(worker, "w-1", ORG_ID, NOT_BEFORE, NOT_AFTER);

  /** Both sides just after the handshake. */
  record Pair(RatchetSession worker, RatchetSession visitor) {}

  byte[] certificate(WorkerKeys keys, String workerId, String orgId, Instant notBefore, Instant notAfter) {
    return new WorkerCertificate(orgId, workerId, "Camille", keys.identityDh().publicKey(),
        keys.identitySigning().publicKey(), notBefore, notAfter).sign(root.privateKey());
  }

  Handshake.Initiated initiate(byte[] visitorKey) {
    return initiate(certificate, visitorKey, CONVERSATION_ID);
  }

  Handshake.Initiated initiate(byte[] certificate, byte[] visitorKey, String conversationId) {
    return Handshake.initiate(worker, certificate, ORG_ID, root.publicKey(), conversationId, visitorKey,
        Content.hello(), KEYS);
  }

  Handshake.Accepted accept(X25519.KeyPair visitor, byte[] header, byte[] body) {
    return Handshake.accept(visitor, root.publicKey(), ORG_ID, CONVERSATION_ID, NOW, header, body, KEYS);
  }

  /** A handshake run to its end: the worker's init accepted by the visitor. */
  Pair pair() {
    X25519.KeyPair visitor = X25519.generate(RANDOM);
    Handshake.Initiated init = initiate(visitor.publicKey());
    return new Pair(init.session(), accept(visitor, init.header(), init.body()).session());
  }

  static byte[] text(String text) {
    return Content.text(text);
  }

  static String string(byte[] content) {
    return new String(content, StandardCharsets.UTF_8);
  }

  static void assertRefused(ThrowingCallable call, CryptoException.Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
