package fr.passerelle.e2e;

import fr.passerelle.crypto.Aead;
import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.crypto.Hpke;
import fr.passerelle.crypto.WorkerCertificate;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A letter left in an anonymous mailbox (docs/protocol.md 12.12): a body under a content key {@code K} used once, and
 * one HPKE stanza per recipient sealing {@code K}. Kind 1 is the visitor's (base mode, anonymous); kind 2 a worker's
 * (auth mode from its identity DH key, with its certificate in the letter):
 * {@code u8(0x01) | u8(kind) | [kind 2: lp16(senderCertificate)] | u16(n) | n × (lp8(id) | enc | ct) | body}.
 */
public final class Letter {
  /** A visitor's letter, to workers. */
  public static final int FROM_VISITOR = 1;
  /** A worker's letter, to the visitor and colleagues. */
  public static final int FROM_WORKER = 2;
  /** Most stanzas in a letter. */
  public static final int MAX_RECIPIENTS = 500;
  static final int ENC_LENGTH = 32;
  static final int SEALED_KEY_LENGTH = Aead.KEY_LENGTH + Aead.TAG_LENGTH;
  private static final byte[] BODY_LABEL = Wire.label0("passerelle/v1/letter");
  private static final byte[] KEY_LABEL = Wire.label0("passerelle/v1/letter-key");
  private static final byte[] ZERO_NONCE = new byte[Aead.NONCE_LENGTH];

  private Letter() {}

  /** Who a letter is sealed to: a worker id and its certificate's identity DH key, or "visitor" and replyPub. */
  public record Recipient(String id, byte[] publicKey) {}

  /** Where a letter is: its organisation, mailbox and id, all bound into its encryption. */
  public record Address(String orgId, String mailboxId, String letterId) {}

  /** One recipient's sealed copy of the content key. */
  public record Stanza(String recipientId, byte[] enc, byte[] sealedKey) {}

  /** A letter's structure, before anything is decrypted. {@code senderCertificate} is null in kind 1. */
  public record Parsed(int kind, byte[] senderCertificate, List<Stanza> stanzas, byte[] body) {}

  /** An opened letter: its kind, the verified writer (null in kind 1) and the unpadded content. */
  public record Opened(int kind, WorkerCertificate sender, byte[] content) {}

  /**
   * A visitor's letter (kind 1) with {@code content}, sealed to {@code recipients} in base mode under
   * {@code contentKey} (32 random bytes, wiped here), with one HPKE ephemeral key per stanza from {@code source}.
   */
  public static byte[] sealFromVisitor(Address address, byte[] content, List<Recipient> recipients,
      byte[] contentKey, KeySource source) {
    return seal(FROM_VISITOR, null, null, address, content, recipients, contentKey, source);
  }

  /**
   * A worker's letter (kind 2), sealed in auth mode from {@code sender}'s identity DH key, carrying
   * {@code senderCertificate}, which must certify {@code sender}'s keys.
   */
  public static byte[] sealFromWorker(WorkerKeys sender, byte[] senderCertificate, Address address, byte[] content,
      List<Recipient> recipients, byte[] contentKey, KeySource source) {
    sender.requireCertifies(senderCertificate);
    return seal(FROM_WORKER, sender, senderCertificate, address, content, recipients, contentKey, source);
  }

  private static byte[] seal(int kind, WorkerKeys sender, byte[] certificate, Address address, byte[] content,
      List<Recipient> recipients, byte[] contentKey, KeySource source) {
    if (recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
      throw new IllegalArgumentException("a letter has 1 to " + MAX_RECIPIENTS + " recipients");
    }
    Set<String> ids = new HashSet<>();
    for (Recipient recipient : recipients) {
      if (recipient.id().isEmpty() || !ids.add(recipient.id())) {
        throw new IllegalArgumentException("recipient ids must be non-empty and unique");
      }
      if (kind == FROM_VISITOR && recipient.id().equals(MessageCode.VISITOR)) {
        throw new IllegalArgumentException("a visitor's letter is not sealed to the visitor");
      }
    }
    byte[] padded = Padding.pad(content);
    try {
      byte[] body = Aead.seal(contentKey, ZERO_NONCE, bodyAad(address, kind), padded);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(new byte[] {Wire.VERSION, (byte) kind});
      if (kind == FROM_WORKER) {
        out.writeBytes(Wire.lp16(certificate, "certificate"));
      }
      out.writeBytes(new byte[] {(byte) (recipients.size() >>> 8), (byte) recipients.size()});
      byte[] aad = stanzaAad(address, body);
      for (Recipient recipient : recipients) {
        byte[] info = stanzaInfo(address, recipient.id());
        Hpke.Sealed sealed = kind == FROM_WORKER
            ? Hpke.sealAuth(recipient.publicKey(), sender.identityDh().privateKey(), info, aad, contentKey,
                source.next())
            : Hpke.seal(recipient.publicKey(), info, aad, contentKey, source.next());
        out.writeBytes(Wire.lp8(recipient.id(), "recipient id"));
        out.writeBytes(sealed.enc());
        out.writeBytes(sealed.ciphertext());
      }
      out.writeBytes(body);
      return out.toByteArray();
    } finally {
      Bytes.wipe(padded, contentKey);
    }
  }

  /**
   * The structure of {@code letter}: {@code UNSUPPORTED_VERSION} for another version byte; {@code MALFORMED} for an
   * unknown kind, a truncated field, 0 or more than 500 stanzas, an empty, ill-formed or repeated recipient id, or a
   * body shorter than its tag.
   */
  public static Parsed parse(byte[] letter) {
    WireReader in = new WireReader(letter, "letter");
    in.version();
    int kind = in.u8();
    if (kind != FROM_VISITOR && kind != FROM_WORKER) {
      throw malformed("unknown kind");
    }
    byte[] certificate = kind == FROM_WORKER ? in.lp16() : null;
    int n = (in.u8() << 8) | in.u8();
    if (n == 0 || n > MAX_RECIPIENTS) {
      throw malformed("1 to 500 stanzas");
    }
    List<Stanza> stanzas = new ArrayList<>(n);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < n; i++) {
      String id = in.utf8(in.u8());
      if (id.isEmpty() || !ids.add(id)) {
        throw malformed("recipient ids must be non-empty and unique");
      }
      stanzas.add(new Stanza(id, in.bytes(ENC_LENGTH), in.bytes(SEALED_KEY_LENGTH)));
    }
    byte[] body = in.rest();
    if (body.length < Aead.TAG_LENGTH) {
      throw malformed("truncated body");
    }
    return new Parsed(kind, certificate, List.copyOf(stanzas), body);
  }

  /**
   * Opens {@code letter} as recipient {@code recipientId} holding {@code recipientPrivate}: its structure
   * ({@link #parse}), then its stanza ({@code NOT_A_RECIPIENT} if none), then for kind 2 the writer's certificate
   * against the root key, the organisation and {@code at}, the time the server stored the letter (so that a reply
   * stays readable after its certificate expired); then the stanza and the body ({@code AUTH_FAILED}) and the padding
   * ({@code MALFORMED}).
   */
  public static Opened open(byte[] recipientPrivate, String recipientId, Address address, byte[] rootPublicKey,
      Instant at, byte[] letter) {
    Parsed parsed = parse(letter);
    Stanza stanza = parsed.stanzas().stream().filter(s -> s.recipientId().equals(recipientId)).findFirst()
        .orElseThrow(() -> new CryptoException(CryptoException.Reason.NOT_A_RECIPIENT,
            "the letter has no stanza for this reader"));
    byte[] info = stanzaInfo(address, recipientId);
    byte[] aad = stanzaAad(address, parsed.body());
    WorkerCertificate sender = null;
    byte[] contentKey;
    if (parsed.kind() == FROM_WORKER) {
      sender = WorkerCertificate.verify(parsed.senderCertificate(), rootPublicKey, address.orgId(), at);
      contentKey = Hpke.openAuth(recipientPrivate, sender.identityDhKey(), stanza.enc(), info, aad,
          stanza.sealedKey());
    } else {
      contentKey = Hpke.open(recipientPrivate, stanza.enc(), info, aad, stanza.sealedKey());
    }
    try {
      byte[] padded = Aead.open(contentKey, ZERO_NONCE, bodyAad(address, parsed.kind()), parsed.body());
      return new Opened(parsed.kind(), sender, Padding.unpad(padded));
    } finally {
      Bytes.wipe(contentKey);
    }
  }

  private static byte[] bodyAad(Address address, int kind) {
    return Bytes.concat(BODY_LABEL, Wire.lp8(address.orgId(), "orgId"), Wire.lp8(address.mailboxId(), "mailbox id"),
        Wire.lp8(address.letterId(), "letter id"), new byte[] {(byte) kind});
  }

  private static byte[] stanzaInfo(Address address, String recipientId) {
    return Bytes.concat(KEY_LABEL, Wire.lp8(address.orgId(), "orgId"), Wire.lp8(address.mailboxId(), "mailbox id"),
        Wire.lp8(recipientId, "recipient id"));
  }

  private static byte[] stanzaAad(Address address, byte[] body) {
    return Bytes.concat(Wire.lp8(address.letterId(), "letter id"), Wire.sha256(body));
  }

  private static CryptoException malformed(String message) {
    return new CryptoException(CryptoException.Reason.MALFORMED, "letter: " + message);
  }
}
