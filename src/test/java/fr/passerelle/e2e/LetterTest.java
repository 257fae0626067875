package fr.passerelle.e2e;

import static fr.passerelle.e2e.TestWorld.NOT_AFTER;
import static fr.passerelle.e2e.TestWorld.NOT_BEFORE;
import static fr.passerelle.e2e.TestWorld.NOW;
import static fr.passerelle.e2e.TestWorld.ORG_ID;
import static fr.passerelle.e2e.TestWorld.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.crypto.Aead;
import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.CryptoException.Reason;
import fr.passerelle.crypto.Hpke;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Letters (docs/protocol.md 12.12): who can open them, proof of the worker who wrote one, and refused layouts. */
class LetterTest {
  private final TestWorld world = new TestWorld();
  private final WorkerKeys colleague = WorkerKeys.generate(TestWorld.RANDOM);
  private final byte[] colleagueCertificate = world.certificate(colleague, "w-2", ORG_ID, NOT_BEFORE, NOT_AFTER);
  private final MessageCode.Derived code = MessageCode.derive(MessageCode.generate(TestWorld.RANDOM), ORG_ID);
  private final Letter.Address address = new Letter.Address(ORG_ID, code.mailboxId(), "l-1");
  private final byte[] visitorContent = Content.letter("Bonjour, rappelez-moi demain.", code.replyPub(), "fr");
  private final byte[] workerContent = Content.letter("Bonjour, c'est Camille.", null, null);
  private final List<Letter.Recipient> workers = List.of(
      new Letter.Recipient("w-1", world.worker.identityDh().publicKey()),
      new Letter.Recipient("w-2", colleague.identityDh().publicKey()));
  private final byte[] visitorLetter = Letter.sealFromVisitor(address, visitorContent, workers, key(), TestWorld.KEYS);
  private final byte[] reply = reply(world.certificate, address);

  @Test
  void everyWorkerOfAVisitorsLetterOpensIt() {
    assertThat(Letter.open(world.worker.identityDh().privateKey(), "w-1", address, world.root.publicKey(), NOW,
        visitorLetter).content()).isEqualTo(visitorContent);
    Letter.Opened opened = Letter.open(colleague.identityDh().privateKey(), "w-2", address, world.root.publicKey(),
        NOW, visitorLetter);
    assertThat(opened.content()).isEqualTo(visitorContent);
    assertThat(opened.kind()).isEqualTo(Letter.FROM_VISITOR);
    assertThat(opened.sender()).isNull();
    assertThat(Arrays.copyOf(visitorLetter, 4)).containsExactly(1, 1, 0, 2);
  }

  @Test
  void theVisitorAndColleaguesOpenAWorkersReplyAndLearnWhoWroteIt() {
    Letter.Opened byVisitor = Letter.open(code.replyKey().clone(), MessageCode.VISITOR, address,
        world.root.publicKey(), NOW, reply);
    assertThat(byVisitor.content()).isEqualTo(workerContent);
    assertThat(byVisitor.sender().workerId()).isEqualTo("w-1");
    assertThat(Letter.open(colleague.identityDh().privateKey(), "w-2", address, world.root.publicKey(), NOW, reply)
        .sender().pseudonym()).isEqualTo("Camille");
  }

  @Test
  void aReplyIsVerifiedAtTheTimeItWasStoredNotWhenItIsRead() {
    assertThat(Letter.open(code.replyKey().clone(), MessageCode.VISITOR, address, world.root.publicKey(), NOW, reply)
        .content()).isEqualTo(workerContent);
    assertRefused(() -> Letter.open(code.replyKey().clone(), MessageCode.VISITOR, address, world.root.publicKey(),
        NOT_AFTER, reply), Reason.EXPIRED);
    assertRefused(() -> Letter.open(code.replyKey().clone(), MessageCode.VISITOR, address, world.root.publicKey(),
        NOT_BEFORE.minusSeconds(1), reply), Reason.NOT_YET_VALID);
  }

  @Test
  void theWritersCertificateIsVerified() {
    assertRefused(() -> Letter.open(code.replyKey().clone(), MessageCode.VISITOR, address,
        new TestWorld().root.publicKey(), NOW, reply), Reason.BAD_SIGNATURE);
    byte[] otherOrg = world.certificate(world.worker, "w-1", "org-other", NOT_BEFORE, NOT_AFTER);
    byte[] otherOrgReply = reply(otherOrg, address);
    assertRefused(() -> Letter.open(code.replyKey().clone(), MessageCode.VISITOR, address, world.root.publicKey(),
        NOW, otherOrgReply), Reason.WRONG_ORGANISATION);
  }

  @Test
  void aReplySealedByAnotherWorkerThanItsCertificateSaysFails() {
    WorkerKeys impostor = WorkerKeys.generate(TestWorld.RANDOM);
    byte[] forged = Letter.sealFromWorker(impostor, world.certificate(impostor, "w-1", ORG_ID, NOT_BEFORE,
        NOT_AFTER), address, workerContent, List.of(new Letter.Recipient("visitor", code.replyPub())), key(),
        TestWorld.KEYS);
    // Put the genuine worker's certificate in place of the impostor's: same length, the stanzas stay as they were.
    System.arraycopy(world.certificate, 0, forged, 4, world.certificate.length);
    assertRefused(() -> Letter.open(code.replyKey().clone(), MessageCode.VISITOR, address, world.root.publicKey(),
        NOW, forged), Reason.AUTH_FAILED);
  }

  @Test
  void aReaderWithoutAStanzaIsNotARecipient() {
    assertRefused(() -> Letter.open(code.replyKey().clone(), MessageCode.VISITOR, address, world.root.publicKey(),
        NOW, visitorLetter), Reason.NOT_A_RECIPIENT);
    assertRefused(() -> Letter.open(colleague.identityDh().privateKey(), "w-3", address, world.root.publicKey(),
        NOW, visitorLetter), Reason.NOT_A_RECIPIENT);
  }

  @Test
  void anotherKeyOrganisationMailboxOrLetterIdCannotOpenIt() {
    byte[] w1 = world.worker.identityDh().privateKey();
    assertRefused(() -> Letter.open(colleague.identityDh().privateKey(), "w-1", address, world.root.publicKey(),
        NOW, visitorLetter), Reason.AUTH_FAILED);
    for (Letter.Address other : List.of(new Letter.Address("org-other", code.mailboxId(), "l-1"),
        new Letter.Address(ORG_ID, "another-mailbox", "l-1"), new Letter.Address(ORG_ID, code.mailboxId(), "l-2"))) {
      assertRefused(() -> Letter.open(w1, "w-1", other, world.root.publicKey(), NOW, visitorLetter),
          Reason.AUTH_FAILED);
    }
  }

  @Test
  void anAlteredBodyOrStanzaFailsToOpen() {
    byte[] body = visitorLetter.clone();
    body[body.length - 20] ^= 1;
    assertRefused(() -> openAsW1(body), Reason.AUTH_FAILED);
    byte[] stanza = visitorLetter.clone();
    stanza[4 + 4 + 32 + 5] ^= 1;
    assertRefused(() -> openAsW1(stanza), Reason.AUTH_FAILED);
  }

  @Test
  void aRecipientWhoKnowsTheContentKeyCannotSwapTheBody() {
    // The same content key under other bytes: the stanzas bind H(body), so the swap is refused.
    byte[] contentKey = key();
    byte[] original = Letter.sealFromVisitor(address, visitorContent, workers, contentKey.clone(), TestWorld.KEYS);
    byte[] swapped = Letter.sealFromVisitor(address, Content.letter("autre chose", code.replyPub(), null), workers,
        contentKey.clone(), TestWorld.KEYS);
    Letter.Parsed parsed = Letter.parse(original);
    int bodyStart = original.length - parsed.body().length;
    byte[] forged = Arrays.copyOf(original, bodyStart + Letter.parse(swapped).body().length);
    System.arraycopy(Letter.parse(swapped).body(), 0, forged, bodyStart, Letter.parse(swapped).body().length);
    assertRefused(() -> openAsW1(forged), Reason.AUTH_FAILED);
  }

  @Test
  void refusedLayouts() {
    assertRefused(() -> Letter.parse(new byte[0]), Reason.MALFORMED);
    assertRefused(() -> Letter.parse(withByte(visitorLetter, 0, 2)), Reason.UNSUPPORTED_VERSION);
    assertRefused(() -> Letter.parse(withByte(visitorLetter, 1, 0)), Reason.MALFORMED);
    assertRefused(() -> Letter.parse(withByte(visitorLetter, 1, 3)), Reason.MALFORMED);
    assertRefused(() -> Letter.parse(new byte[] {1, 1, 0, 0, 1, 2, 3}), Reason.MALFORMED);
    assertRefused(() -> Letter.parse(new byte[] {1, 1, 0x01, (byte) 0xf5}), Reason.MALFORMED);
    assertRefused(() -> Letter.parse(Arrays.copyOf(visitorLetter, 4 + 4 + 40)), Reason.MALFORMED);
    // Ten bytes of body: shorter than the tag.
    int stanzas = 4 + 2 * (1 + 3 + Letter.ENC_LENGTH + Letter.SEALED_KEY_LENGTH);
    assertRefused(() -> Letter.parse(Arrays.copyOf(visitorLetter, stanzas + 10)), Reason.MALFORMED);
    // The second stanza's id "w-2" rewritten to "w-1": a repeated id.
    byte[] repeated = visitorLetter.clone();
    repeated[4 + 84 + 3] = '1';
    assertRefused(() -> Letter.parse(repeated), Reason.MALFORMED);
    byte[] empty = new byte[] {1, 1, 0, 1, 0};
    assertRefused(() -> Letter.parse(Arrays.copyOf(empty, 5 + 80 + 300)), Reason.MALFORMED);
    byte[] illFormed = visitorLetter.clone();
    illFormed[4 + 1] = (byte) 0xff;
    assertRefused(() -> Letter.parse(illFormed), Reason.MALFORMED);
    byte[] truncatedCertificate = {1, 2, 0x10, 0, 1, 2};
    assertRefused(() -> Letter.parse(truncatedCertificate), Reason.MALFORMED);
  }

  @Test
  void wronglyPaddedContentIsMalformed() {
    // Built by hand: a body of 256 zero bytes (no 0x80) that authenticates, and a valid stanza for w-1.
    byte[] contentKey = key();
    byte[] body = Aead.seal(contentKey, new byte[12], Bytes.concat(Wire.label0("passerelle/v1/letter"),
        Wire.lp8(ORG_ID, "o"), Wire.lp8(code.mailboxId(), "m"), Wire.lp8("l-1", "l"), new byte[] {1}), new byte[256]);
    Hpke.Sealed stanza = Hpke.seal(world.worker.identityDh().publicKey(), Bytes.concat(
        Wire.label0("passerelle/v1/letter-key"), Wire.lp8(ORG_ID, "o"), Wire.lp8(code.mailboxId(), "m"),
        Wire.lp8("w-1", "r")), Bytes.concat(Wire.lp8("l-1", "l"), Wire.sha256(body)), contentKey, TestWorld.RANDOM);
    byte[] letter = Bytes.concat(new byte[] {1, 1, 0, 1}, Wire.lp8("w-1", "r"), stanza.enc(), stanza.ciphertext(),
        body);
    assertRefused(() -> openAsW1(letter), Reason.MALFORMED);
  }

  @Test
  void theWriterRefusesWhatNoReaderCouldOpen() {
    assertThatThrownBy(() -> Letter.sealFromVisitor(address, visitorContent, List.of(), key(), TestWorld.KEYS))
        .isInstanceOf(IllegalArgumentException.class);
    List<Letter.Recipient> twice = List.of(workers.get(0), workers.get(0));
    assertThatThrownBy(() -> Letter.sealFromVisitor(address, visitorContent, twice, key(), TestWorld.KEYS))
        .isInstanceOf(IllegalArgumentException.class);
    List<Letter.Recipient> tooMany = new ArrayList<>();
    for (int i = 0; i <= Letter.MAX_RECIPIENTS; i++) {
      tooMany.add(new Letter.Recipient("w-" + i, colleague.identityDh().publicKey()));
    }
    assertThatThrownBy(() -> Letter.sealFromVisitor(address, visitorContent, tooMany, key(), TestWorld.KEYS))
        .isInstanceOf(IllegalArgumentException.class);
    List<Letter.Recipient> toVisitor = List.of(new Letter.Recipient("visitor", code.replyPub()));
    assertThatThrownBy(() -> Letter.sealFromVisitor(address, visitorContent, toVisitor, key(), TestWorld.KEYS))
        .isInstanceOf(IllegalArgumentException.class);
    assertRefused(() -> Letter.sealFromWorker(world.worker, colleagueCertificate, address, workerContent, workers,
        key(), TestWorld.KEYS), Reason.BAD_CERTIFICATE);
  }

  private Letter.Opened openAsW1(byte[] letter) {
    return Letter.open(world.worker.identityDh().privateKey(), "w-1", address, world.root.publicKey(), NOW, letter);
  }

  private byte[] reply(byte[] certificate, Letter.Address to) {
    List<Letter.Recipient> recipients = List.of(new Letter.Recipient(MessageCode.VISITOR, code.replyPub()),
        workers.get(0), workers.get(1));
    return Letter.sealFromWorker(world.worker, certificate, to, workerContent, recipients, key(), TestWorld.KEYS);
  }

  private static byte[] key() {
    byte[] key = new byte[32];
    TestWorld.RANDOM.nextBytes(key);
    return key;
  }

  private static byte[] withByte(byte[] letter, int index, int value) {
    byte[] changed = letter.clone();
    changed[index] = (byte) value;
    return changed;
  }
}
