package fr.passerelle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.crypto.CryptoException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Worker certificates: the v1 layout, a known answer, and every way one must be refused. */
class WorkerCertificateTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();

  // The known answer of docs/protocol.md, "Worker certificate (v1)"; cross-checked with Python's cryptography package.
  private static final byte[] ROOT_PRIVATE = filled(0x01);
  private static final byte[] WORKER_DH_PRIVATE = filled(0x02);
  private static final byte[] WORKER_SIGNING_PRIVATE = filled(0x03);
  private static final Instant NOT_BEFORE = Instant.ofEpochSecond(1_798_761_600L);
  private static final Instant NOT_AFTER = NOT_BEFORE.plus(Duration.ofDays(30));
  private static final String ROOT_PUBLIC_HEX = "8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c";
  private static final String BODY_HEX = "01086f72672d64656d6f03772d310743616d696c6c65"
      + "ce8d3ad1ccb633ec7b70c17814a5c76ecd029685050d344745ba05870e587d59"
      + "ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1"
      + "000000006b36ec80000000006b5e7980";
  private static final String SIGNATURE_HEX = "1ff1b098819a01a5ab0acb77e86c9cac0833166d71d70d945c3043087534539d"
      + "53b42ed530feeb9cf6e39c300714e7098a3a1009c089a42d6f3c1d6baf13a205";

  private static final byte[] ROOT_PUBLIC = Ed25519.publicKey(ROOT_PRIVATE);
  private static final byte[] DH_KEY = X25519.publicKey(WORKER_DH_PRIVATE);
  private static final byte[] SIGNING_KEY = Ed25519.publicKey(WORKER_SIGNING_PRIVATE);
  private static final WorkerCertificate KNOWN =
      new WorkerCertificate("org-demo", "w-1", "Camille", DH_KEY, SIGNING_KEY, NOT_BEFORE, NOT_AFTER);
  private static final byte[] KNOWN_CERTIFICATE = KNOWN.sign(ROOT_PRIVATE);
  private static final Instant DURING = NOT_BEFORE.plus(Duration.ofDays(1));

  @Test
  void aSignedCertificateVerifiesBackToTheSameFields() {
    Ed25519.KeyPair root = Ed25519.generate(RANDOM);
    WorkerCertificate issued = new WorkerCertificate("org-demo", "w-42", "Ana", X25519.generate(RANDOM).publicKey(),
        Ed25519.generate(RANDOM).publicKey(), NOT_BEFORE, NOT_AFTER);
    byte[] certificate = issued.sign(root.privateKey());

    WorkerCertificate verified = WorkerCertificate.verify(certificate, root.publicKey(), "org-demo", DURING);

    assertThat(verified).isEqualTo(issued).hasSameHashCodeAs(issued);
    assertThat(verified.body()).isEqualTo(Arrays.copyOf(certificate, certificate.length - 64));
    assertThat(WorkerCertificate.parse(certificate)).isEqualTo(issued);
  }

  @Test
  @DisplayName("the fixed keys and fields give the published body, signature and certificate")
  void knownAnswer() {
    assertThat(HEX.formatHex(ROOT_PUBLIC)).isEqualTo(ROOT_PUBLIC_HEX);
    assertThat(HEX.formatHex(KNOWN.body())).hasSize(204).isEqualTo(BODY_HEX);
    assertThat(HEX.formatHex(KNOWN_CERTIFICATE)).hasSize(332).isEqualTo(BODY_HEX + SIGNATURE_HEX);
    assertThat(WorkerCertificate.verify(HEX.parseHex(BODY_HEX + SIGNATURE_HEX), HEX.parseHex(ROOT_PUBLIC_HEX),
        "org-demo", NOT_BEFORE)).isEqualTo(KNOWN);
  }

  // Each position gets its eight single-bit flips and its complement; all 255 masks per byte cost ten seconds and add
  // nothing, since any change to the body changes the signed message.
  @Test
  void everySingleByteTamperIsRefused() {
    List<String> accepted = new ArrayList<>();
    for (int i = 0; i < KNOWN_CERTIFICATE.length; i++) {
      for (int mask : new int[] {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0xff}) {
        byte[] tampered = KNOWN_CERTIFICATE.clone();
        tampered[i] ^= (byte) mask;
        try {
          WorkerCertificate.verify(tampered, ROOT_PUBLIC, "org-demo", DURING);
          accepted.add(i + "^" + mask);
        } catch (CryptoException e) {
          if (e.reason() != Reason.BAD_SIGNATURE && e.reason() != Reason.BAD_CERTIFICATE) {
            accepted.add(i + "^" + mask + " as " + e.reason());
          }
        }
      }
    }
    assertThat(accepted).isEmpty();
  }

  @Test
  void aCertificateForAnotherOrganisationIsRefused() {
    assertRefused(() -> WorkerCertificate.verify(KNOWN_CERTIFICATE, ROOT_PUBLIC, "org-other", DURING),
        Reason.WRONG_ORGANISATION);
    assertRefused(() -> WorkerCertificate.verify(KNOWN_CERTIFICATE, ROOT_PUBLIC, "ORG-DEMO", DURING),
        Reason.WRONG_ORGANISATION);
  }

  @Test
  void aCertificateSignedByAnotherRootKeyIsRefused() {
    byte[] otherRoot = Ed25519.generate(RANDOM).publicKey();
    assertRefused(() -> WorkerCertificate.verify(KNOWN_CERTIFICATE, otherRoot, "org-demo", DURING),
        Reason.BAD_SIGNATURE);
    assertRefused(() -> WorkerCertificate.verify(KNOWN_CERTIFICATE, new byte[31], "org-demo", DURING),
        Reason.BAD_KEY_LENGTH);
  }

  @Test
  void theValidityWindowIncludesNotBeforeAndExcludesNotAfter() {
    assertRefused(() -> WorkerCertificate.verify(KNOWN_CERTIFICATE, ROOT_PUBLIC, "org-demo",
        NOT_BEFORE.minusSeconds(1)), Reason.NOT_YET_VALID);
    assertThat(WorkerCertificate.verify(KNOWN_CERTIFICATE, ROOT_PUBLIC, "org-demo", NOT_BEFORE)).isEqualTo(KNOWN);
    assertThat(WorkerCertificate.verify(KNOWN_CERTIFICATE, ROOT_PUBLIC, "org-demo", NOT_AFTER.minusNanos(1)))
        .isEqualTo(KNOWN);
    assertRefused(() -> WorkerCertificate.verify(KNOWN_CERTIFICATE, ROOT_PUBLIC, "org-demo", NOT_AFTER),
        Reason.EXPIRED);
  }

  @Test
  void checksRunInOrderStructureSignatureOrganisationTime() {
    byte[] otherRoot = Ed25519.generate(RANDOM).publicKey();
    byte[] truncated = Arrays.copyOf(KNOWN_CERTIFICATE, KNOWN_CERTIFICATE.length - 1);
    Instant late = NOT_AFTER.plusSeconds(1);
    assertRefused(() -> WorkerCertificate.verify(truncated, otherRoot, "org-other", late), Reason.BAD_CERTIFICATE);
    assertRefused(() -> WorkerCertificate.verify(KNOWN_CERTIFICATE, otherRoot, "org-other", late),
        Reason.BAD_SIGNATURE);
    assertRefused(() -> WorkerCertificate.verify(KNOWN_CERTIFICATE, ROOT_PUBLIC, "org-other", late),
        Reason.WRONG_ORGANISATION);
  }

  @Test
  void truncatedOrTrailingBytesAreRefused() {
    for (int length = 0; length < KNOWN_CERTIFICATE.length; length++) {
      byte[] truncated = Arrays.copyOf(KNOWN_CERTIFICATE, length);
      assertRefused(() -> WorkerCertificate.parse(truncated), Reason.BAD_CERTIFICATE);
    }
    byte[] trailing = Arrays.copyOf(KNOWN_CERTIFICATE, KNOWN_CERTIFICATE.length + 1);
    assertRefused(() -> WorkerCertificate.verify(trailing, ROOT_PUBLIC, "org-demo", DURING), Reason.BAD_CERTIFICATE);
  }

  @Test
  void stringsOutsideOneToSixtyFourUtf8BytesAreRefusedAtConstruction() {
    assertThat(withNames("o".repeat(64), "w".repeat(64), "p".repeat(64)).body()).hasSize(3 * 65 + 81);
    assertRefused(() -> withNames("o".repeat(65), "w-1", "Camille"), Reason.BAD_CERTIFICATE);
    assertRefused(() -> withNames("org-demo", "", "Camille"), Reason.BAD_CERTIFICATE);
    assertRefused(() -> withNames("org-demo", "w-1", ""), Reason.BAD_CERTIFICATE);
    assertRefused(() -> withNames("org-demo", "w-1", "é".repeat(33)), Reason.BAD_CERTIFICATE);
    assertRefused(() -> withNames("org-demo", "w-1", "lone \uD800 surrogate"), Reason.BAD_CERTIFICATE);
  }

  @Test
  void signedBodiesWithBadLengthsAreRefused() {
    assertRefused(() -> WorkerCertificate.parse(signed(body(new byte[65], "w-1", "Camille"))),
        Reason.BAD_CERTIFICATE);
    assertRefused(() -> WorkerCertificate.parse(signed(body(new byte[0], "w-1", "Camille"))),
        Reason.BAD_CERTIFICATE);
    assertRefused(() -> WorkerCertificate.parse(signed(body("org-demo", "w-1", ""))), Reason.BAD_CERTIFICATE);
    byte[] version2 = KNOWN.body();
    version2[0] = 2;
    assertRefused(() -> WorkerCertificate.parse(signed(version2)), Reason.BAD_CERTIFICATE);
  }

  // A lone continuation byte, an invalid lead byte, an overlong NUL, an encoded UTF-16 surrogate, a code point above
  // U+10FFFF, and a sequence cut short at the end of the string.
  @ParameterizedTest
  @ValueSource(strings = {"80", "ff", "c080", "eda080", "f4908080", "43616dc3"})
  void invalidUtf8IsRefusedEvenWhenSigned(String pseudonym) {
    byte[] certificate = signed(body(utf8("org-demo"), "w-1", HEX.parseHex(pseudonym)));
    assertRefused(() -> WorkerCertificate.verify(certificate, ROOT_PUBLIC, "org-demo", DURING),
        Reason.BAD_CERTIFICATE);
  }

  // Top bit set, u = p, u = p + 18, and the low-order points u = 0 and u = 1.
  @ParameterizedTest
  @ValueSource(strings = {
      "ce8d3ad1ccb633ec7b70c17814a5c76ecd029685050d344745ba05870e587dd9",
      "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "0000000000000000000000000000000000000000000000000000000000000000",
      "0100000000000000000000000000000000000000000000000000000000000000"})
  void unusableIdentityDhKeysAreRefused(String key) {
    byte[] dhKey = HEX.parseHex(key);
    assertRefused(() -> new WorkerCertificate("org-demo", "w-1", "Camille", dhKey, SIGNING_KEY, NOT_BEFORE, NOT_AFTER),
        Reason.BAD_CERTIFICATE);
    byte[] certificate = signed(body(utf8("org-demo"), "w-1", utf8("Camille"), dhKey, SIGNING_KEY,
        NOT_BEFORE.getEpochSecond(), NOT_AFTER.getEpochSecond()));
    assertRefused(() -> WorkerCertificate.verify(certificate, ROOT_PUBLIC, "org-demo", DURING),
        Reason.BAD_CERTIFICATE);
  }

  @Test
  void aSmallOrderIdentitySigningKeyIsRefused() {
    byte[] identity = new byte[32];
    identity[0] = 1;
    assertRefused(() -> new WorkerCertificate("org-demo", "w-1", "Camille", DH_KEY, identity, NOT_BEFORE, NOT_AFTER),
        Reason.BAD_CERTIFICATE);
  }

  @Test
  void anEmptyOrUnrepresentableValidityWindowIsRefused() {
    assertRefused(() -> new WorkerCertificate("org-demo", "w-1", "Camille", DH_KEY, SIGNING_KEY, NOT_BEFORE,
        NOT_BEFORE), Reason.BAD_CERTIFICATE);
    assertRefused(() -> new WorkerCertificate("org-demo", "w-1", "Camille", DH_KEY, SIGNING_KEY, NOT_BEFORE,
        NOT_AFTER.plusMillis(1)), Reason.BAD_CERTIFICATE);
    long from = NOT_BEFORE.getEpochSecond();
    for (long[] window : new long[][] {{from, from - 1}, {from, Long.MAX_VALUE}, {Long.MIN_VALUE, from}}) {
      byte[] certificate = signed(body(utf8("org-demo"), "w-1", utf8("Camille"), DH_KEY, SIGNING_KEY, window[0],
          window[1]));
      assertRefused(() -> WorkerCertificate.parse(certificate), Reason.BAD_CERTIFICATE);
    }
  }

  @Test
  void validityBoundsLieFromTheEpochToTheLastSecondOf9999() {
    long earliest = 0;
    long latest = 253_402_300_799L;
    assertThat(WorkerCertificate.LATEST).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    WorkerCertificate widest = new WorkerCertificate("org-demo", "w-1", "Camille", DH_KEY, SIGNING_KEY,
        Instant.ofEpochSecond(earliest), Instant.ofEpochSecond(latest));
    assertThat(WorkerCertificate.verify(widest.sign(ROOT_PRIVATE), ROOT_PUBLIC, "org-demo", DURING)).isEqualTo(widest);
    for (long[] window : new long[][] {{earliest - 1, latest}, {earliest, latest + 1}, {-2 * latest, -latest}}) {
      assertRefused(() -> new WorkerCertificate("org-demo", "w-1", "Camille", DH_KEY, SIGNING_KEY,
          Instant.ofEpochSecond(window[0]), Instant.ofEpochSecond(window[1])), Reason.BAD_CERTIFICATE);
      byte[] certificate = signed(body(utf8("org-demo"), "w-1", utf8("Camille"), DH_KEY, SIGNING_KEY, window[0],
          window[1]));
      assertRefused(() -> WorkerCertificate.verify(certificate, ROOT_PUBLIC, "org-demo", DURING),
          Reason.BAD_CERTIFICATE);
    }
  }

  @Test
  void aNonAsciiPseudonymRoundTrips() {
    WorkerCertificate issued = withNames("org-demo", "w-1", "Ioana Ș.");
    byte[] certificate = issued.sign(ROOT_PRIVATE);
    assertThat(certificate[1 + 1 + 8 + 1 + 3]).as("pseudonym length in bytes").isEqualTo((byte) 9);
    assertThat(WorkerCertificate.verify(certificate, ROOT_PUBLIC, "org-demo", DURING).pseudonym())
        .isEqualTo("Ioana Ș.");
  }

  @Test
  void keyArraysAreCopiedInAndOut() {
    byte[] dhKey = DH_KEY.clone();
    WorkerCertificate issued = new WorkerCertificate("org-demo", "w-1", "Camille", dhKey, SIGNING_KEY, NOT_BEFORE,
        NOT_AFTER);
    dhKey[0] ^= 1;
    issued.identityDhKey()[0] ^= 1;
    issued.identitySigningKey()[0] ^= 1;
    assertThat(issued).isEqualTo(KNOWN).hasSameHashCodeAs(KNOWN);
    assertThat(issued.sign(ROOT_PRIVATE)).isEqualTo(KNOWN_CERTIFICATE);
  }

  @Test
  void refusalsNameTheFailedCheckButNoKeyBytes() {
    byte[] otherRoot = Ed25519.generate(RANDOM).publicKey();
    assertThatThrownBy(() -> WorkerCertificate.verify(KNOWN_CERTIFICATE, otherRoot, "org-demo", DURING))
        .hasMessageContaining("signed")
        .hasMessageNotContaining(HEX.formatHex(otherRoot).substring(0, 8))
        .hasMessageNotContaining(ROOT_PUBLIC_HEX.substring(0, 8));
    assertThat(KNOWN.toString()).doesNotContain(HEX.formatHex(DH_KEY).substring(0, 8));
  }

  private static WorkerCertificate withNames(String orgId, String workerId, String pseudonym) {
    return new WorkerCertificate(orgId, workerId, pseudonym, DH_KEY, SIGNING_KEY, NOT_BEFORE, NOT_AFTER);
  }

  private static byte[] body(String orgId, String workerId, String pseudonym) {
    return body(utf8(orgId), workerId, utf8(pseudonym));
  }

  private static byte[] body(byte[] orgId, String workerId, String pseudonym) {
    return body(orgId, workerId, utf8(pseudonym));
  }

  private static byte[] body(byte[] orgId, String workerId, byte[] pseudonym) {
    return body(orgId, workerId, pseudonym, DH_KEY, SIGNING_KEY, NOT_BEFORE.getEpochSecond(),
        NOT_AFTER.getEpochSecond());
  }

  // Writes the v1 layout without any of WorkerCertificate's checks, so that tests can sign what it would refuse.
  private static byte[] body(byte[] orgId, String workerId, byte[] pseudonym, byte[] dhKey, byte[] signingKey,
      long notBefore, long notAfter) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(1);
    for (byte[] string : List.of(orgId, utf8(workerId), pseudonym)) {
      out.write(string.length);
      out.writeBytes(string);
    }
    out.writeBytes(dhKey);
    out.writeBytes(signingKey);
    out.writeBytes(ByteBuffer.allocate(16).putLong(notBefore).putLong(notAfter).array());
    return out.toByteArray();
  }

  private static byte[] signed(byte[] body) {
    byte[] input = Bytes.concat("passerelle/v1/worker-certificate".getBytes(StandardCharsets.US_ASCII),
        new byte[] {0}, body);
    return Bytes.concat(body, Ed25519.sign(ROOT_PRIVATE, input));
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] filled(int value) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  private static void assertRefused(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
