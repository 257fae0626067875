package fr.passerelle.e2e;

import static fr.passerelle.e2e.TestWorld.NOW;
import static fr.passerelle.e2e.TestWorld.ORG_ID;
import static fr.passerelle.e2e.TestWorld.assertRefused;
import static fr.passerelle.e2e.TestWorld.string;
import static fr.passerelle.e2e.TestWorld.text;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.crypto.CryptoException.Reason;
import fr.passerelle.crypto.Ed25519;
import fr.passerelle.crypto.X25519;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The handshake: what the visitor accepts, and each check of docs/protocol.md 12.3 that must refuse an init. */
class HandshakeTest {
  // Offsets in an init header with the 166-byte test certificate.
  private static final int CERTIFICATE_AT = 4;
  private static final int WORKER_EPHEMERAL_AT = CERTIFICATE_AT + 166;
  private static final int VISITOR_KEY_AT = WORKER_EPHEMERAL_AT + 32;
  private static final int SIGNATURE_AT = VISITOR_KEY_AT + 32;
  private static final int RATCHET_KEY_AT = SIGNATURE_AT + 64;

  private final TestWorld world = new TestWorld();
  private final X25519.KeyPair visitorKey = X25519.generate(TestWorld.RANDOM);
  private final Handshake.Initiated init = world.initiate(visitorKey.publicKey());

  @Test
  void theVisitorGetsTheWorkersCertificateTheFirstMessageAndTheSameTranscript() {
    Handshake.Accepted accepted = world.accept(visitorKey, init.header(), init.body());

    assertThat(accepted.certificate().pseudonym()).isEqualTo("Camille");
    assertThat(accepted.certificate().identityDhKey()).isEqualTo(world.worker.identityDh().publicKey());
    assertThat(string(accepted.content())).isEqualTo("{\"type\":\"hello\"}");
    assertThat(accepted.session().transcriptHash()).isEqualTo(init.session().transcriptHash()).hasSize(32);
    assertThat(accepted.session().safetyCode()).isEqualTo(init.session().safetyCode());
  }

  @Test
  void theInitHeaderHasTheLayoutOfTheProtocol() {
    assertThat(init.header()).hasSize(RATCHET_KEY_AT + 40).startsWith(1, 1, 0, 166);
    assertThat(Arrays.copyOfRange(init.header(), CERTIFICATE_AT, WORKER_EPHEMERAL_AT)).isEqualTo(world.certificate);
    assertThat(Arrays.copyOfRange(init.header(), VISITOR_KEY_AT, SIGNATURE_AT)).isEqualTo(visitorKey.publicKey());
    assertThat(Arrays.copyOfRange(init.header(), RATCHET_KEY_AT + 32, RATCHET_KEY_AT + 40)).containsOnly(0);
  }

  @Test
  void onSuccessTheVisitorsEphemeralPrivateKeyIsWiped() {
    world.accept(visitorKey, init.header(), init.body());
    assertThat(visitorKey.privateKey()).containsOnly(0);
  }

  @Test
  void aCertificateNotSignedByTheRootKeyIsRefused() {
    TestWorld otherOrganisation = new TestWorld();
    byte[] forged = otherOrganisation.certificate(world.worker, "w-1", ORG_ID, TestWorld.NOT_BEFORE,
        TestWorld.NOT_AFTER);
    Handshake.Initiated forgedInit = world.initiate(forged, visitorKey.publicKey(), TestWorld.CONVERSATION_ID);
    assertRefused(() -> world.accept(visitorKey, forgedInit.header(), forgedInit.body()), Reason.BAD_SIGNATURE);
  }

  @Test
  void aMalformedCertificateIsRefused() {
    byte[] header = init.header().clone();
    header[CERTIFICATE_AT] = 0x02;
    assertRefused(() -> world.accept(visitorKey, header, init.body()), Reason.BAD_CERTIFICATE);
  }

  @Test
  void anExpiredOrNotYetValidCertificateIsRefused() {
    byte[] expired = world.certificate(world.worker, "w-1", ORG_ID, NOW.minus(Duration.ofDays(30)), NOW);
    byte[] early = world.certificate(world.worker, "w-1", ORG_ID, NOW.plusSeconds(1), NOW.plus(Duration.ofDays(1)));

    Handshake.Initiated expiredInit = world.initiate(expired, visitorKey.publicKey(), TestWorld.CONVERSATION_ID);
    assertRefused(() -> world.accept(visitorKey, expiredInit.header(), expiredInit.body()), Reason.EXPIRED);
    Handshake.Initiated earlyInit = world.initiate(early, visitorKey.publicKey(), TestWorld.CONVERSATION_ID);
    assertRefused(() -> world.accept(visitorKey, earlyInit.header(), earlyInit.body()), Reason.NOT_YET_VALID);
  }

  @Test
  void aCertificateOfAnotherOrganisationIsRefused() {
    byte[] foreign = world.certificate(world.worker, "w-1", "org-other", TestWorld.NOT_BEFORE, TestWorld.NOT_AFTER);
    Handshake.Initiated foreignInit = world.initiate(foreign, visitorKey.publicKey(), TestWorld.CONVERSATION_ID);
    assertRefused(() -> world.accept(visitorKey, foreignInit.header(), foreignInit.body()), Reason.WRONG_ORGANISATION);
    assertRefused(() -> Handshake.accept(visitorKey, world.root.publicKey(), "org-other", TestWorld.CONVERSATION_ID,
        NOW, init.header(), init.body(), TestWorld.KEYS), Reason.WRONG_ORGANISATION);
  }

  @Test
  void anInitForAReplacedVisitorKeyIsRefusedAndTheNewKeyStillWorks() {
    X25519.KeyPair newKey = X25519.generate(TestWorld.RANDOM);
    assertRefused(() -> world.accept(newKey, init.header(), init.body()), Reason.WRONG_VISITOR_KEY);

    Handshake.Initiated answer = world.initiate(newKey.publicKey());
    assertThat(world.accept(newKey, answer.header(), answer.body()).content()).isEqualTo(Content.hello());
  }

  @Test
  void aBadInitSignatureIsRefused() {
    byte[] header = init.header().clone();
    header[SIGNATURE_AT + 10] ^= 0x01;
    assertRefused(() -> world.accept(visitorKey, header, init.body()), Reason.BAD_SIGNATURE);
  }

  @Test
  void anInitRelayedIntoAnotherConversationIsRefused() {
    assertRefused(() -> Handshake.accept(visitorKey, world.root.publicKey(), ORG_ID, "c-2", NOW, init.header(),
        init.body(), TestWorld.KEYS), Reason.BAD_SIGNATURE);
  }

  @Test
  void theWorkerRefusesLowOrderAndNonCanonicalVisitorKeys() {
    for (byte[] key : TestWorld.LOW_ORDER_KEYS) {
      assertRefused(() -> world.initiate(key), Reason.LOW_ORDER_POINT);
    }
    for (byte[] key : TestWorld.NON_CANONICAL_KEYS) {
      assertRefused(() -> world.initiate(key), Reason.NON_CANONICAL_KEY);
    }
    assertRefused(() -> world.initiate(new byte[31]), Reason.BAD_KEY_LENGTH);
  }

  @Test
  void theVisitorRefusesLowOrderAndNonCanonicalWorkerKeys() {
    for (int at : new int[] {WORKER_EPHEMERAL_AT, RATCHET_KEY_AT}) {
      for (byte[] key : TestWorld.LOW_ORDER_KEYS) {
        assertRefused(() -> world.accept(visitorKey, replaced(init.header(), at, key), init.body()),
            Reason.LOW_ORDER_POINT);
      }
      for (byte[] key : TestWorld.NON_CANONICAL_KEYS) {
        assertRefused(() -> world.accept(visitorKey, replaced(init.header(), at, key), init.body()),
            Reason.NON_CANONICAL_KEY);
      }
    }
    assertThat(world.accept(visitorKey, init.header(), init.body()).content()).isEqualTo(Content.hello());
  }

  @Test
  void everyPrefixOfAnInitHeaderIsMalformedAndOfItsBodyFailsToOpen() {
    for (int length = 0; length < init.header().length; length++) {
      byte[] header = Arrays.copyOf(init.header(), length);
      assertRefused(() -> world.accept(visitorKey, header, init.body()), Reason.MALFORMED);
    }
    byte[] longer = Arrays.copyOf(init.header(), init.header().length + 1);
    assertRefused(() -> world.accept(visitorKey, longer, init.body()), Reason.MALFORMED);
    for (int length = 0; length < init.body().length; length++) {
      byte[] body = Arrays.copyOf(init.body(), length);
      assertRefused(() -> world.accept(visitorKey, init.header(), body), Reason.AUTH_FAILED);
    }
  }

  @Test
  void anUnknownVersionOrKindIsUnsupported() {
    for (int index : new int[] {0, 1}) {
      byte[] header = init.header().clone();
      header[index] = 0x07;
      assertRefused(() -> world.accept(visitorKey, header, init.body()), Reason.UNSUPPORTED_VERSION);
    }
  }

  @Test
  void aConversationCannotStartWithAMessageHeader() {
    EncryptedMessage message = init.session().encrypt(text("no init"));
    assertRefused(() -> world.accept(visitorKey, message.header(), message.body()), Reason.MALFORMED);
  }

  @Test
  void aFailedAcceptKeepsNothingAndLeavesTheVisitorKeyUsable() {
    byte[] body = init.body().clone();
    body[0] ^= 0x01;
    assertRefused(() -> world.accept(visitorKey, init.header(), body), Reason.AUTH_FAILED);
    assertThat(visitorKey.privateKey()).isNotEqualTo(new byte[32]);

    assertThat(world.accept(visitorKey, init.header(), init.body()).content()).isEqualTo(Content.hello());
  }

  @Test
  void aSecondInitForAKeyThatHasASessionIsADuplicate() {
    RatchetSession session = world.accept(visitorKey, init.header(), init.body()).session();

    assertRefused(() -> session.decrypt(init.header(), init.body()), Reason.DUPLICATE);
    Handshake.Initiated again = world.initiate(visitorKey.publicKey());
    assertRefused(() -> session.decrypt(again.header(), again.body()), Reason.DUPLICATE);
    Handshake.Initiated elsewhere = world.initiate(X25519.generate(TestWorld.RANDOM).publicKey());
    assertRefused(() -> session.decrypt(elsewhere.header(), elsewhere.body()), Reason.WRONG_VISITOR_KEY);
    EncryptedMessage next = init.session().encrypt(text("on we go"));
    assertThat(string(session.decrypt(next.header(), next.body()))).contains("on we go");
  }

  @Test
  void anInitReachingTheWorkersSessionIsMalformed() {
    assertRefused(() -> init.session().decrypt(init.header(), init.body()), Reason.MALFORMED);
  }

  @Test
  void theWorkerRefusesACertificateThatIsNotForItsKeys() {
    byte[] someoneElses = world.certificate(WorkerKeys.generate(TestWorld.RANDOM), "w-1", ORG_ID,
        TestWorld.NOT_BEFORE, TestWorld.NOT_AFTER);
    assertRefused(() -> world.initiate(someoneElses, visitorKey.publicKey(), TestWorld.CONVERSATION_ID),
        Reason.BAD_CERTIFICATE);
  }

  @Test
  void aRootKeyOfTheWrongLengthIsRefused() {
    assertRefused(() -> Handshake.accept(visitorKey, new byte[Ed25519.KEY_LENGTH - 1], ORG_ID,
        TestWorld.CONVERSATION_ID, NOW, init.header(), init.body(), TestWorld.KEYS), Reason.BAD_KEY_LENGTH);
  }

  private static byte[] replaced(byte[] header, int at, byte[] key) {
    byte[] copy = header.clone();
    System.arraycopy(key, 0, copy, at, key.length);
    return copy;
  }
}
