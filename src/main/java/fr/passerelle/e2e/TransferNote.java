package fr.passerelle.e2e;

import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.Hpke;
import fr.passerelle.crypto.WorkerCertificate;
import java.time.Instant;

/**
 * A note from one worker to the next on a transfer (docs/protocol.md 12.7), sealed with HPKE in auth mode from the
 * writer's identity DH key to the reader's, so that it proves who wrote it:
 * {@code u8(0x01) | lp16(senderCertificate) | enc (32) | ct}.
 */
public final class TransferNote {
  private static final byte[] INFO_LABEL = Wire.label0("passerelle/v1/transfer-note");

  private TransferNote() {}

  /** The writer's verified certificate and the note's content ({@link Content#transferNote}). */
  public record Opened(WorkerCertificate sender, byte[] content) {}

  /**
   * Seals {@code content} to the colleague whose certificate the caller has verified (its {@code workerId} and
   * {@code identityDhKey}), as the worker holding {@code sender}, whose certificate goes into the note. Draws the
   * HPKE ephemeral key from {@code source}.
   */
  public static byte[] seal(WorkerKeys sender, byte[] senderCertificate, String orgId, String recipientWorkerId,
      byte[] recipientIdentityDhKey, byte[] content, KeySource source) {
    sender.requireCertifies(senderCertificate);
    byte[] padded = Padding.pad(content);
    try {
      Hpke.Sealed sealed = Hpke.sealAuth(recipientIdentityDhKey, sender.identityDh().privateKey(),
          info(orgId, recipientWorkerId), senderCertificate, padded, source.next());
      return Bytes.concat(new byte[] {Wire.VERSION}, Wire.lp16(senderCertificate, "certificate"), sealed.enc(),
          sealed.ciphertext());
    } finally {
      Bytes.wipe(padded);
    }
  }

  /**
   * Opens a note addressed to {@code recipientWorkerId}, holder of {@code recipientIdentityDhPrivate}: layout
   * ({@code UNSUPPORTED_VERSION}, {@code MALFORMED}), then the writer's certificate against the root key, the
   * organisation and {@code now}, then the ciphertext under the certificate's identity DH key ({@code AUTH_FAILED}).
   */
  public static Opened open(byte[] recipientIdentityDhPrivate, String orgId, String recipientWorkerId,
      byte[] rootPublicKey, Instant now, byte[] note) {
    WireReader in = new WireReader(note, "transfer note");
    in.version();
    byte[] certificate = in.lp16();
    byte[] enc = in.bytes(32);
    byte[] ciphertext = in.rest();
    WorkerCertificate sender = WorkerCertificate.verify(certificate, rootPublicKey, orgId, now);
    byte[] padded = Hpke.openAuth(recipientIdentityDhPrivate, sender.identityDhKey(), enc,
        info(orgId, recipientWorkerId), certificate, ciphertext);
    return new Opened(sender, Padding.unpad(padded));
  }

  private static byte[] info(String orgId, String recipientWorkerId) {
    return Bytes.concat(INFO_LABEL, Wire.lp8(orgId, "orgId"), Wire.lp8(recipientWorkerId, "recipient worker id"));
  }
}
