package fr.passerelle.e2e;

import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.crypto.CryptoException.Reason;
import fr.passerelle.crypto.X25519;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One side of a conversation after its handshake: the Double Ratchet of docs/protocol.md 12.4, with the transcript
 * hash as associated data. {@link #encrypt} and {@link #decrypt} take and give contents (UTF-8 JSON, see
 * {@link Content}); padding is added and removed here.
 *
 * <p>Decryption is transactional: it works on a copy of the state, which replaces the state only if the message
 * opens, so a refused message (tampered, replayed, too far ahead, malformed) changes nothing. Replaced private keys,
 * root and chain keys are overwritten. Thread-safe; a wiped session refuses every call.
 */
public final class RatchetSession {
  /** The most message keys one message may make the receiver skip in one chain. */
  public static final int MAX_SKIP = 1000;

  private static final long MAX_COUNTER = 0xffff_ffffL;
  private static final byte[] MESSAGE_HEADER_PREFIX = {Wire.VERSION, HeaderKind.MESSAGE.code};

  private final byte[] transcriptHash;
  private final byte[] visitorKey;
  private final boolean initiator;
  private final KeySource keys;
  private final SkippedKeys skipped = new SkippedKeys();
  private RatchetState state;
  private boolean wiped;

  private RatchetSession(byte[] transcriptHash, byte[] visitorKey, boolean initiator, KeySource keys,
      RatchetState state) {
    this.transcriptHash = transcriptHash.clone();
    this.visitorKey = visitorKey.clone();
    this.initiator = initiator;
    this.keys = keys;
    this.state = state;
  }

  /** The worker's side: fresh {@code R0}, {@code DHr = E_v}, {@code (RK, CKs) = KDF_RK(SK, DH(R0, E_v))}; wipes SK. */
  static RatchetSession initiator(byte[] transcriptHash, byte[] sharedSecret, byte[] visitorKey, KeySource keys) {
    RatchetState state = new RatchetState();
    state.ownKey = keys.next();
    state.peerKey = visitorKey.clone();
    RatchetKdf.RootStep start = RatchetKdf.root(sharedSecret, X25519.agree(state.ownKey.privateKey(), visitorKey));
    Bytes.wipe(sharedSecret);
    state.rootKey = start.rootKey();
    state.sendingChain = start.chainKey();
    return new RatchetSession(transcriptHash, visitorKey, true, keys, state);
  }

  /** The visitor's side: {@code DHs = E_v} (copied), no {@code DHr}, {@code RK = SK} (taken over), no chains yet. */
  static RatchetSession responder(byte[] transcriptHash, byte[] sharedSecret, X25519.KeyPair visitorEphemeral,
      KeySource keys) {
    RatchetState state = new RatchetState();
    state.ownKey = new X25519.KeyPair(visitorEphemeral.privateKey().clone(), visitorEphemeral.publicKey().clone());
    state.rootKey = sharedSecret;
    return new RatchetSession(transcriptHash, visitorEphemeral.publicKey(), false, keys, state);
  }

  /** Pads and encrypts {@code content}: the 42-byte message header and the body. */
  public synchronized EncryptedMessage encrypt(byte[] content) {
    return encrypt(MESSAGE_HEADER_PREFIX, content);
  }

  /** Encrypts with {@code headerPrefix} before the ratchet header: the init's fields for the first message. */
  synchronized EncryptedMessage encrypt(byte[] headerPrefix, byte[] content) {
    requireLive();
    if (state.sent > MAX_COUNTER) {
      throw new CryptoException(Reason.LIMIT_REACHED, "sending chain exhausted");
    }
    RatchetKdf.ChainStep step = RatchetKdf.chain(state.sendingChain);
    Bytes.wipe(state.sendingChain);
    state.sendingChain = step.chainKey();
    RatchetHeader ratchet = new RatchetHeader(state.ownKey.publicKey(), state.previousChainLength, state.sent);
    byte[] header = Bytes.concat(headerPrefix, ratchet.encode());
    state.sent++;
    byte[] padded = Padding.pad(content);
    try {
      return new EncryptedMessage(header, RatchetKdf.seal(step.messageKey(), associatedData(header), padded));
    } finally {
      Bytes.wipe(padded);
    }
  }

  /**
   * The content of a received message, or a refusal: {@code MALFORMED} or {@code UNSUPPORTED_VERSION} (header or
   * padding), {@code AUTH_FAILED}, {@code DUPLICATE} (already opened, or an init for the key this session answers),
   * {@code WRONG_VISITOR_KEY} (an init for another visitor key), {@code TOO_MANY_SKIPPED}, or a key refusal for a bad
   * ratchet key. A refusal leaves the session as it was.
   */
  public synchronized byte[] decrypt(byte[] header, byte[] body) {
    requireLive();
    return switch (HeaderKind.of(header)) {
      case MESSAGE -> decrypt(RatchetHeader.parseMessageHeader(header), header, body);
      case INIT -> throw refuseInit(header);
    };
  }

  /** The transcript hash: the associated data of every message, and what the safety code shows. */
  public byte[] transcriptHash() {
    return transcriptHash.clone();
  }

  /** The safety code both sides show for this conversation (docs/protocol.md 12.6). */
  public String safetyCode() {
    return SafetyCode.of(transcriptHash);
  }

  /** Overwrites every secret the session holds; it can be used no more. */
  public synchronized void wipe() {
    if (!wiped) {
      state.wipe();
      skipped.wipe();
      wiped = true;
    }
  }

  /** How many skipped message keys are stored, for tests. */
  synchronized int skippedKeys() {
    return skipped.size();
  }

  /** Decrypts with an already parsed ratchet header; {@code header} is the whole header, for the associated data. */
  synchronized byte[] decrypt(RatchetHeader ratchet, byte[] header, byte[] body) {
    requireLive();
    byte[] aad = associatedData(header);
    SkippedKeys.Position position = new SkippedKeys.Position(ratchet.dh(), ratchet.n());
    byte[] skippedKey = skipped.find(position);
    if (skippedKey != null) {
      byte[] content = Padding.unpad(RatchetKdf.open(skippedKey, aad, body));
      skipped.remove(position);
      return content;
    }
    RatchetState next = state.copy();
    List<Skipped> newlySkipped = new ArrayList<>();
    boolean kept = false;
    try {
      if (!Arrays.equals(ratchet.dh(), next.peerKey)) {
        X25519.requireValidPublicKey(ratchet.dh());
        skip(next, ratchet.pn(), newlySkipped);
        dhRatchet(next, ratchet.dh());
      }
      if (ratchet.n() < next.received) {
        throw new CryptoException(Reason.DUPLICATE, "message key already used");
      }
      skip(next, ratchet.n(), newlySkipped);
      byte[] messageKey = stepReceivingChain(next);
      byte[] content;
      try {
        content = Padding.unpad(RatchetKdf.open(messageKey, aad, body));
      } finally {
        Bytes.wipe(messageKey);
      }
      newlySkipped.forEach(s -> skipped.add(s.position(), s.key()));
      RatchetState previous = state;
      state = next;
      previous.wipe();
      kept = true;
      return content;
    } finally {
      if (!kept) {
        next.wipe();
        newlySkipped.forEach(s -> Bytes.wipe(s.key()));
      }
    }
  }

  private record Skipped(SkippedKeys.Position position, byte[] key) {}

  // Stores the keys of the current receiving chain's messages Nr .. until - 1; refuses to derive more than MAX_SKIP.
  private static void skip(RatchetState next, long until, List<Skipped> newlySkipped) {
    if (until - next.received > MAX_SKIP) {
      throw new CryptoException(Reason.TOO_MANY_SKIPPED, "message is too far ahead of its chain");
    }
    if (next.receivingChain == null) {
      return;
    }
    while (next.received < until) {
      SkippedKeys.Position position = new SkippedKeys.Position(next.peerKey, next.received);
      newlySkipped.add(new Skipped(position, stepReceivingChain(next)));
    }
  }

  private static byte[] stepReceivingChain(RatchetState next) {
    if (next.receivingChain == null) {
      throw new CryptoException(Reason.AUTH_FAILED, "no receiving chain for this ratchet key");
    }
    RatchetKdf.ChainStep step = RatchetKdf.chain(next.receivingChain);
    Bytes.wipe(next.receivingChain);
    next.receivingChain = step.chainKey();
    next.received++;
    return step.messageKey();
  }

  private void dhRatchet(RatchetState next, byte[] peerKey) {
    next.previousChainLength = next.sent;
    next.sent = 0;
    next.received = 0;
    next.peerKey = peerKey.clone();
    RatchetKdf.RootStep receiving = RatchetKdf.root(next.rootKey, X25519.agree(next.ownKey.privateKey(), peerKey));
    replaceRoot(next, receiving);
    if (next.receivingChain != null) {
      Bytes.wipe(next.receivingChain);
    }
    next.receivingChain = receiving.chainKey();
    Bytes.wipe(next.ownKey.privateKey());
    next.ownKey = keys.next();
    RatchetKdf.RootStep sending = RatchetKdf.root(next.rootKey, X25519.agree(next.ownKey.privateKey(), peerKey));
    replaceRoot(next, sending);
    if (next.sendingChain != null) {
      Bytes.wipe(next.sendingChain);
    }
    next.sendingChain = sending.chainKey();
  }

  private static void replaceRoot(RatchetState next, RatchetKdf.RootStep step) {
    Bytes.wipe(next.rootKey);
    next.rootKey = step.rootKey();
  }

  // An init reaching an established session: the visitor already has a session for that key, or it answers another.
  private CryptoException refuseInit(byte[] header) {
    InitHeader init = InitHeader.parse(header).init();
    if (initiator) {
      return new CryptoException(Reason.MALFORMED, "an init travels from the worker to the visitor only");
    }
    if (Bytes.equal(init.visitorKey(), visitorKey)) {
      return new CryptoException(Reason.DUPLICATE, "this visitor key already has a session");
    }
    return new CryptoException(Reason.WRONG_VISITOR_KEY, "the init answers another visitor key");
  }

  private byte[] associatedData(byte[] header) {
    return Bytes.concat(transcriptHash, header);
  }

  private void requireLive() {
    if (wiped) {
      throw new IllegalStateException("the session has been wiped");
    }
  }
}
