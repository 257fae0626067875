package fr.passerelle.e2e;

import static fr.passerelle.e2e.TestWorld.assertRefused;
import static fr.passerelle.e2e.TestWorld.string;
import static fr.passerelle.e2e.TestWorld.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.crypto.CryptoException.Reason;
import fr.passerelle.crypto.X25519;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Double Ratchet after the handshake: delivery orders it must cope with, and what it must refuse unchanged. */
class RatchetSessionTest {
  private final TestWorld world = new TestWorld();
  private final TestWorld.Pair pair = world.pair();
  private final RatchetSession worker = pair.worker();
  private final RatchetSession visitor = pair.visitor();

  @Test
  void messagesGoBothWaysAndEachTurnBringsANewRatchetKey() {
    List<byte[]> ratchetKeys = new ArrayList<>();
    for (int turn = 0; turn < 4; turn++) {
      RatchetSession from = turn % 2 == 0 ? worker : visitor;
      RatchetSession to = turn % 2 == 0 ? visitor : worker;
      for (int i = 0; i < 3; i++) {
        EncryptedMessage message = from.encrypt(text("turn " + turn + ", message " + i + " — ça va ?"));
        assertThat(message.header()).hasSize(42).startsWith(1, 2);
        assertThat(string(to.decrypt(message.header(), message.body())))
            .isEqualTo("{\"type\":\"text\",\"text\":\"turn " + turn + ", message " + i + " — ça va ?\"}");
        if (i == 0) {
          ratchetKeys.add(Arrays.copyOfRange(message.header(), 2, 34));
        }
      }
    }
    assertThat(ratchetKeys).doesNotHaveDuplicates();
  }

  @Test
  void theBodyIsThePaddedContentAndItsTag() {
    assertThat(worker.encrypt(text("court")).body()).hasSize(256 + 16);
    assertThat(worker.encrypt(new byte[256]).body()).hasSize(512 + 16);
  }

  @Test
  void messagesOfOneChainOpenInAnyOrder() {
    List<EncryptedMessage> sent = send(worker, 5);
    for (int i : new int[] {4, 2, 0, 3, 1}) {
      assertThat(string(visitor.decrypt(sent.get(i).header(), sent.get(i).body()))).contains("message " + i);
    }
    assertThat(visitor.skippedKeys()).isZero();
  }

  @Test
  void aMessageSkippedAcrossARatchetStepStillOpens() {
    List<EncryptedMessage> early = send(worker, 2);
    open(visitor, early.get(1));
    open(worker, visitor.encrypt(text("reply")));
    EncryptedMessage later = worker.encrypt(text("later"));
    assertThat(string(open(visitor, later))).contains("later");

    assertThat(string(open(visitor, early.get(0)))).contains("message 0");
    assertThat(visitor.skippedKeys()).isZero();
  }

  @Test
  void aReplayedMessageIsADuplicate() {
    List<EncryptedMessage> sent = send(worker, 3);
    open(visitor, sent.get(2));
    open(visitor, sent.get(0));
    assertRefused(() -> open(visitor, sent.get(2)), Reason.DUPLICATE);
    assertRefused(() -> open(visitor, sent.get(0)), Reason.DUPLICATE);
    assertThat(string(open(visitor, sent.get(1)))).contains("message 1");
  }

  @Test
  void aReplayFromAnEarlierTurnFailsAndChangesNothing() {
    EncryptedMessage old = worker.encrypt(text("old"));
    open(visitor, old);
    open(worker, visitor.encrypt(text("reply")));
    open(visitor, worker.encrypt(text("new turn")));

    assertRefused(() -> open(visitor, old), Reason.AUTH_FAILED);
    assertThat(string(open(visitor, worker.encrypt(text("still fine"))))).contains("still fine");
  }

  @Test
  void aMessageMoreThanMaxSkipAheadIsRefusedAndChangesNothing() {
    List<EncryptedMessage> sent = send(worker, RatchetSession.MAX_SKIP + 2);
    assertRefused(() -> open(visitor, sent.get(RatchetSession.MAX_SKIP + 1)), Reason.TOO_MANY_SKIPPED);
    assertThat(visitor.skippedKeys()).isZero();

    assertThat(string(open(visitor, sent.get(0)))).contains("message 0");
    assertThat(string(open(visitor, sent.get(RatchetSession.MAX_SKIP + 1)))).contains("message 1001");
    assertThat(visitor.skippedKeys()).isEqualTo(RatchetSession.MAX_SKIP);
  }

  @Test
  void exactlyMaxSkipKeysMayBeSkipped() {
    List<EncryptedMessage> sent = send(worker, RatchetSession.MAX_SKIP + 1);
    assertThat(string(open(visitor, sent.get(RatchetSession.MAX_SKIP)))).contains("message 1000");
    assertThat(visitor.skippedKeys()).isEqualTo(RatchetSession.MAX_SKIP);
  }

  @Test
  void theSkippedStoreKeepsTheNewest1000KeysAndDeletesTheOldestFirst() {
    List<EncryptedMessage> sent = send(worker, 1006);
    open(visitor, sent.get(1000));
    assertThat(visitor.skippedKeys()).isEqualTo(1000);
    open(visitor, sent.get(1005));
    assertThat(visitor.skippedKeys()).isEqualTo(1000);

    for (int evicted = 0; evicted < 4; evicted++) {
      int n = evicted;
      assertRefused(() -> open(visitor, sent.get(n)), Reason.DUPLICATE);
    }
    assertThat(string(open(visitor, sent.get(4)))).contains("message 4");
    assertThat(string(open(visitor, sent.get(1004)))).contains("message 1004");
    assertThat(visitor.skippedKeys()).isEqualTo(998);
  }

  @Test
  void aTamperedBodyIsRefusedAndChangesNothing() {
    EncryptedMessage message = worker.encrypt(text("intact"));
    for (int i = 0; i < message.body().length; i++) {
      byte[] body = message.body().clone();
      body[i] ^= 0x01;
      assertRefused(() -> visitor.decrypt(message.header(), body), Reason.AUTH_FAILED);
    }
    assertThat(string(open(visitor, message))).contains("intact");
  }

  @Test
  void everyHeaderFieldIsBoundToTheBody() {
    open(worker, visitor.encrypt(text("a turn, so that PN is not zero")));
    send(worker, 2);
    EncryptedMessage message = worker.encrypt(text("checked"));
    assertThat(Arrays.copyOfRange(message.header(), 34, 38)).containsExactly(0, 0, 0, 1);

    assertRefused(() -> visitor.decrypt(flip(message.header(), 0), message.body()), Reason.UNSUPPORTED_VERSION);
    assertRefused(() -> visitor.decrypt(flip(message.header(), 1), message.body()), Reason.UNSUPPORTED_VERSION);
    assertRefused(() -> visitor.decrypt(flip(message.header(), 2), message.body()), Reason.AUTH_FAILED);
    assertRefused(() -> visitor.decrypt(flip(message.header(), 37), message.body()), Reason.AUTH_FAILED);
    assertRefused(() -> visitor.decrypt(flip(message.header(), 41), message.body()), Reason.AUTH_FAILED);
    assertThat(string(open(visitor, message))).contains("checked");
  }

  @Test
  void aMessageBoundToAnotherTranscriptDoesNotOpen() {
    X25519.KeyPair visitorKey = X25519.generate(TestWorld.RANDOM);
    Handshake.Initiated init = world.initiate(visitorKey.publicKey());
    byte[] workerEphemeral = InitHeader.parse(init.header()).init().workerEphemeral();
    byte[] th = Transcript.hash(TestWorld.ORG_ID, world.root.publicKey(), TestWorld.CONVERSATION_ID,
        world.certificate, visitorKey.publicKey(), workerEphemeral);
    byte[] sharedSecret = Handshake.sharedSecret(th,
        X25519.agree(visitorKey.privateKey(), world.worker.identityDh().publicKey()),
        X25519.agree(visitorKey.privateKey(), workerEphemeral));
    InitHeader.Parsed parsed = InitHeader.parse(init.header());

    for (byte[] otherTh : List.of(
        Transcript.hash(TestWorld.ORG_ID, world.root.publicKey(), "c-2", world.certificate, visitorKey.publicKey(),
            workerEphemeral),
        Transcript.hash("org-other", world.root.publicKey(), TestWorld.CONVERSATION_ID, world.certificate,
            visitorKey.publicKey(), workerEphemeral))) {
      RatchetSession elsewhere = RatchetSession.responder(otherTh, sharedSecret.clone(), visitorKey, TestWorld.KEYS);
      assertRefused(() -> elsewhere.decrypt(parsed.ratchet(), init.header(), init.body()), Reason.AUTH_FAILED);
    }
    RatchetSession right = RatchetSession.responder(th, sharedSecret, visitorKey, TestWorld.KEYS);
    assertThat(right.decrypt(parsed.ratchet(), init.header(), init.body())).isEqualTo(Content.hello());
  }

  @Test
  void lowOrderAndNonCanonicalRatchetKeysAreRefusedAndChangeNothing() {
    EncryptedMessage message = worker.encrypt(text("genuine"));
    for (byte[] key : TestWorld.LOW_ORDER_KEYS) {
      assertRefused(() -> visitor.decrypt(withRatchetKey(message.header(), key), message.body()),
          Reason.LOW_ORDER_POINT);
    }
    for (byte[] key : TestWorld.NON_CANONICAL_KEYS) {
      assertRefused(() -> visitor.decrypt(withRatchetKey(message.header(), key), message.body()),
          Reason.NON_CANONICAL_KEY);
    }
    assertThat(string(open(visitor, message))).contains("genuine");
  }

  @Test
  void everyPrefixOfAHeaderIsMalformedAndOfABodyFailsToOpen() {
    EncryptedMessage message = worker.encrypt(text("whole"));
    for (int length = 0; length < message.header().length; length++) {
      byte[] header = Arrays.copyOf(message.header(), length);
      assertRefused(() -> visitor.decrypt(header, message.body()), Reason.MALFORMED);
    }
    assertRefused(() -> visitor.decrypt(Arrays.copyOf(message.header(), 43), message.body()), Reason.MALFORMED);
    for (int length = 0; length < message.body().length; length++) {
      byte[] body = Arrays.copyOf(message.body(), length);
      assertRefused(() -> visitor.decrypt(message.header(), body), Reason.AUTH_FAILED);
    }
    assertThat(string(open(visitor, message))).contains("whole");
  }

  @Test
  void anUnknownVersionOrKindIsUnsupported() {
    EncryptedMessage message = worker.encrypt(text("v1"));
    for (int version : new int[] {0x00, 0x02, 0xff}) {
      byte[] header = message.header().clone();
      header[0] = (byte) version;
      assertRefused(() -> visitor.decrypt(header, message.body()), Reason.UNSUPPORTED_VERSION);
      assertRefused(() -> visitor.decrypt(new byte[] {(byte) version}, message.body()), Reason.UNSUPPORTED_VERSION);
    }
    for (int kind : new int[] {0x00, 0x03, 0xff}) {
      byte[] header = message.header().clone();
      header[1] = (byte) kind;
      assertRefused(() -> visitor.decrypt(header, message.body()), Reason.UNSUPPORTED_VERSION);
    }
  }

  @Test
  void aWipedSessionRefusesEveryCall() {
    EncryptedMessage message = worker.encrypt(text("too late"));
    visitor.wipe();
    assertThatThrownBy(() -> open(visitor, message)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> visitor.encrypt(text("no"))).isInstanceOf(IllegalStateException.class);
  }

  private static List<EncryptedMessage> send(RatchetSession from, int count) {
    List<EncryptedMessage> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sent.add(from.encrypt(text("message " + i)));
    }
    return sent;
  }

  private static byte[] open(RatchetSession to, EncryptedMessage message) {
    return to.decrypt(message.header(), message.body());
  }

  private static byte[] flip(byte[] bytes, int index) {
    byte[] flipped = bytes.clone();
    flipped[index] ^= 0x01;
    return flipped;
  }

  private static byte[] withRatchetKey(byte[] header, byte[] key) {
    byte[] replaced = header.clone();
    System.arraycopy(key, 0, replaced, 2, 32);
    return replaced;
  }
}
