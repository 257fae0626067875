package fr.passerelle.e2e;

import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.crypto.CryptoException.Reason;
import fr.passerelle.crypto.Ed25519;
import fr.passerelle.crypto.Hkdf;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.crypto.X25519;
import java.time.Instant;

/**
 * The handshake of docs/protocol.md 12.3. The worker {@link #initiate}s it for the visitor key it got in
 * {@code assigned} or {@code visitor-key}, and sends the init as its first envelope; the visitor {@link #accept}s that
 * init. Each side comes out with its {@link RatchetSession}.
 */
public final class Handshake {
  private static final byte[] INIT_SIGNATURE_LABEL = Wire.label0("passerelle/v1/init");
  private static final byte[] HANDSHAKE_INFO = Wire.ascii("passerelle/v1/handshake");

  private Handshake() {}

  /** The worker's session, and the init envelope's header and body (the first message, encrypted). */
  public record Initiated(RatchetSession session, byte[] header, byte[] body) {}

  /** The visitor's session, the verified certificate (show its pseudonym) and the first message's content. */
  public record Accepted(RatchetSession session, WorkerCertificate certificate, byte[] content) {}

  /**
   * Starts a conversation as the worker: checks {@code visitorKey} and that {@code certificate} carries
   * {@code keys}' public halves, then builds the init and encrypts {@code firstContent} (the greeting, or
   * {@link Content#hello()}). Draws {@code E_w}, then the first ratchet key, from {@code source}.
   */
  public static Initiated initiate(WorkerKeys keys, byte[] certificate, String orgId, byte[] rootPublicKey,
      String conversationId, byte[] visitorKey, byte[] firstContent, KeySource source) {
    X25519.requireValidPublicKey(visitorKey);
    keys.requireCertifies(certificate);
    X25519.KeyPair workerEphemeral = source.next();
    byte[] th = Transcript.hash(orgId, rootPublicKey, conversationId, certificate, visitorKey,
        workerEphemeral.publicKey());
    byte[] signature = Ed25519.sign(keys.identitySigning().privateKey(), Bytes.concat(INIT_SIGNATURE_LABEL, th));
    byte[] sharedSecret = sharedSecret(th, X25519.agree(keys.identityDh().privateKey(), visitorKey),
        X25519.agree(workerEphemeral.privateKey(), visitorKey));
    Bytes.wipe(workerEphemeral.privateKey());
    RatchetSession session = RatchetSession.initiator(th, sharedSecret, visitorKey, source);
    InitHeader init = new InitHeader(certificate, workerEphemeral.publicKey(), visitorKey, signature);
    EncryptedMessage first = session.encrypt(init.prefix(), firstContent);
    return new Initiated(session, first.header(), first.body());
  }

  /**
   * Accepts an init as the visitor, checking in the order of docs/protocol.md 12.3: header layout
   * ({@code MALFORMED}, {@code UNSUPPORTED_VERSION}), certificate at {@code now} ({@code BAD_CERTIFICATE},
   * {@code BAD_SIGNATURE}, {@code WRONG_ORGANISATION}, {@code NOT_YET_VALID}, {@code EXPIRED}), visitor key
   * ({@code WRONG_VISITOR_KEY}), worker ephemeral key, init signature ({@code BAD_SIGNATURE}), then the first message
   * ({@code AUTH_FAILED}, ...). On any refusal nothing is kept and {@code visitorEphemeral} is untouched; on success
   * its private key is wiped, as the session has replaced it. Draws the visitor's first ratchet key from
   * {@code source}. An init reaching a session that already exists goes to {@link RatchetSession#decrypt} instead.
   */
  public static Accepted accept(X25519.KeyPair visitorEphemeral, byte[] rootPublicKey, String orgId,
      String conversationId, Instant now, byte[] header, byte[] body, KeySource source) {
    if (HeaderKind.of(header) != HeaderKind.INIT) {
      throw new CryptoException(Reason.MALFORMED, "a conversation starts with an init header");
    }
    InitHeader.Parsed parsed = InitHeader.parse(header);
    InitHeader init = parsed.init();
    WorkerCertificate certificate = WorkerCertificate.verify(init.certificate(), rootPublicKey, orgId, now);
    if (!Bytes.equal(init.visitorKey(), visitorEphemeral.publicKey())) {
      throw new CryptoException(Reason.WRONG_VISITOR_KEY, "the init answers another visitor key");
    }
    X25519.requireValidPublicKey(init.workerEphemeral());
    byte[] th = Transcript.hash(orgId, rootPublicKey, conversationId, init.certificate(), init.visitorKey(),
        init.workerEphemeral());
    if (!Ed25519.verify(certificate.identitySigningKey(), Bytes.concat(INIT_SIGNATURE_LABEL, th),
        init.signature())) {
      throw new CryptoException(Reason.BAD_SIGNATURE, "the init is not signed by the certificate's identity key");
    }
    byte[] sharedSecret = sharedSecret(th,
        X25519.agree(visitorEphemeral.privateKey(), certificate.identityDhKey()),
        X25519.agree(visitorEphemeral.privateKey(), init.workerEphemeral()));
    RatchetSession session = RatchetSession.responder(th, sharedSecret, visitorEphemeral, source);
    try {
      byte[] content = session.decrypt(parsed.ratchet(), header, body);
      Bytes.wipe(visitorEphemeral.privateKey());
      return new Accepted(session, certificate, content);
    } catch (RuntimeException e) {
      session.wipe();
      throw e;
    }
  }

  /** SK = HKDF(salt = th, ikm = dh1 | dh2, "passerelle/v1/handshake", 32); wipes dh1 and dh2. */
  static byte[] sharedSecret(byte[] transcriptHash, byte[] dh1, byte[] dh2) {
    byte[] ikm = Bytes.concat(dh1, dh2);
    try {
      return Hkdf.derive(transcriptHash, ikm, HANDSHAKE_INFO, 32);
    } finally {
      Bytes.wipe(ikm, dh1, dh2);
    }
  }
}
