package fr.passerelle.e2e;

import static fr.passerelle.e2e.TestWorld.NOW;
import static fr.passerelle.e2e.TestWorld.ORG_ID;
import static fr.passerelle.e2e.TestWorld.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.crypto.CryptoException.Reason;
import fr.passerelle.crypto.Hpke;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Transfer notes (docs/protocol.md 12.7): who may open them, and proof of who wrote them. */
class TransferNoteTest {
  private static final byte[] CONTENT = Content.transferNote("Parle roumain ; rappeler le 115.",
      Instant.parse("2027-01-02T10:00:00Z"));

  private final TestWorld world = new TestWorld();
  private final WorkerKeys colleague = WorkerKeys.generate(TestWorld.RANDOM);
  private final byte[] note = seal(world.worker, world.certificate, "w-2", colleague.identityDh().publicKey());

  @Test
  void theColleagueOpensItAndLearnsWhoWroteIt() {
    TransferNote.Opened opened = open(colleague, "w-2", note);
    assertThat(opened.content()).isEqualTo(CONTENT);
    assertThat(opened.sender().workerId()).isEqualTo("w-1");
    assertThat(note[0]).isEqualTo((byte) 1);
    assertThat(Arrays.copyOfRange(note, 3, 3 + world.certificate.length)).isEqualTo(world.certificate);
  }

  @Test
  void anotherRecipientKeyCannotOpenIt() {
    assertRefused(() -> open(WorkerKeys.generate(TestWorld.RANDOM), "w-2", note), Reason.AUTH_FAILED);
  }

  @Test
  void anotherRecipientIdCannotOpenIt() {
    assertRefused(() -> open(colleague, "w-3", note), Reason.AUTH_FAILED);
  }

  @Test
  void aNoteSealedByAnotherWorkerThanItsCertificateSaysFails() {
    WorkerKeys impostor = WorkerKeys.generate(TestWorld.RANDOM);
    // The impostor seals with its own key but puts the genuine worker's certificate in the note.
    Hpke.Sealed sealed = Hpke.sealAuth(colleague.identityDh().publicKey(), impostor.identityDh().privateKey(),
        infoFor(ORG_ID, "w-2"), world.certificate, Padding.pad(CONTENT), TestWorld.RANDOM);
    byte[] forged = withParts(world.certificate, sealed.enc(), sealed.ciphertext());
    assertRefused(() -> open(colleague, "w-2", forged), Reason.AUTH_FAILED);
  }

  @Test
  void anotherInfoCannotOpenIt() {
    Hpke.Sealed sealed = Hpke.sealAuth(colleague.identityDh().publicKey(), world.worker.identityDh().privateKey(),
        infoFor("org-other", "w-2"), world.certificate, Padding.pad(CONTENT), TestWorld.RANDOM);
    byte[] otherInfo = withParts(world.certificate, sealed.enc(), sealed.ciphertext());
    assertRefused(() -> open(colleague, "w-2", otherInfo), Reason.AUTH_FAILED);
  }

  @Test
  void theWritersCertificateIsVerified() {
    byte[] expired = world.certificate(world.worker, "w-1", ORG_ID, NOW.minus(Duration.ofDays(30)), NOW);
    byte[] expiredNote = seal(world.worker, expired, "w-2", colleague.identityDh().publicKey());
    assertRefused(() -> open(colleague, "w-2", expiredNote), Reason.EXPIRED);
    assertRefused(() -> TransferNote.open(colleague.identityDh().privateKey(), "org-other", "w-2",
        world.root.publicKey(), NOW, note), Reason.WRONG_ORGANISATION);
    assertRefused(() -> TransferNote.open(colleague.identityDh().privateKey(), ORG_ID, "w-2",
        new TestWorld().root.publicKey(), NOW, note), Reason.BAD_SIGNATURE);
  }

  @Test
  void theWriterRefusesACertificateThatIsNotForItsKeys() {
    byte[] someoneElses = world.certificate(colleague, "w-2", ORG_ID, TestWorld.NOT_BEFORE, TestWorld.NOT_AFTER);
    assertRefused(() -> seal(world.worker, someoneElses, "w-2", colleague.identityDh().publicKey()),
        Reason.BAD_CERTIFICATE);
  }

  @Test
  void aLowOrderRecipientKeyIsRefused() {
    assertRefused(() -> seal(world.worker, world.certificate, "w-2", new byte[32]), Reason.LOW_ORDER_POINT);
  }

  @Test
  void everyPrefixIsMalformedOrFailsToOpen() {
    int encEnd = 3 + world.certificate.length + 32;
    for (int length = 0; length < note.length; length++) {
      byte[] truncated = Arrays.copyOf(note, length);
      Reason expected = length < encEnd ? Reason.MALFORMED : Reason.AUTH_FAILED;
      assertThatThrownBy(() -> open(colleague, "w-2", truncated)).isInstanceOfSatisfying(CryptoException.class,
          e -> assertThat(e.reason()).as("prefix of %d bytes", truncated.length).isEqualTo(expected));
    }
  }

  @Test
  void anUnknownVersionIsUnsupported() {
    byte[] other = note.clone();
    other[0] = 0x02;
    assertRefused(() -> open(colleague, "w-2", other), Reason.UNSUPPORTED_VERSION);
  }

  @Test
  void badPaddingIsMalformed() {
    Hpke.Sealed sealed = Hpke.sealAuth(colleague.identityDh().publicKey(), world.worker.identityDh().privateKey(),
        infoFor(ORG_ID, "w-2"), world.certificate, CONTENT, TestWorld.RANDOM);
    byte[] unpadded = withParts(world.certificate, sealed.enc(), sealed.ciphertext());
    assertRefused(() -> open(colleague, "w-2", unpadded), Reason.MALFORMED);
  }

  private byte[] seal(WorkerKeys sender, byte[] certificate, String recipientId, byte[] recipientKey) {
    return TransferNote.seal(sender, certificate, ORG_ID, recipientId, recipientKey, CONTENT, TestWorld.KEYS);
  }

  private TransferNote.Opened open(WorkerKeys recipient, String recipientId, byte[] sealed) {
    return TransferNote.open(recipient.identityDh().privateKey(), ORG_ID, recipientId, world.root.publicKey(), NOW,
        sealed);
  }

  // The note's info, written out here from the protocol text rather than taken from the class under test.
  private static byte[] infoFor(String orgId, String recipientId) {
    byte[] org = orgId.getBytes(StandardCharsets.UTF_8);
    byte[] recipient = recipientId.getBytes(StandardCharsets.UTF_8);
    return Bytes.concat("passerelle/v1/transfer-note\0".getBytes(StandardCharsets.US_ASCII),
        new byte[] {(byte) org.length}, org, new byte[] {(byte) recipient.length}, recipient);
  }

  private static byte[] withParts(byte[] certificate, byte[] enc, byte[] ciphertext) {
    return Bytes.concat(new byte[] {1, (byte) (certificate.length >>> 8),
        (byte) certificate.length}, certificate, enc, ciphertext);
  }
}
