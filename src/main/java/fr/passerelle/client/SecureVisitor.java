package fr.passerelle.client;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.crypto.CryptoException.Reason;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.crypto.X25519;
import fr.passerelle.e2e.Content;
import fr.passerelle.e2e.Handshake;
import fr.passerelle.e2e.KeySource;
import fr.passerelle.e2e.RatchetSession;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reference visitor client with end-to-end encryption (docs/protocol.md 12): it joins with a fresh ephemeral
 * key, accepts the worker's init only if the certificate chain verifies against the pinned root key, then encrypts
 * and decrypts with the Double Ratchet. After a transfer it deletes the old session and sends a new key.
 *
 * <p>{@link #nextMessage} handles the protocol's frames ({@code assigned}, {@code transferred}, inits) as they come,
 * in order, and completes with the next message the worker wrote. Frames it does not handle ({@code ended},
 * {@code queue}, ...) stay in the channel for the caller.
 */
public final class SecureVisitor {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Set<String> HANDLED = Set.of("assigned", "transferred", "envelope");

  private final VisitorClient client;
  private final byte[] rootPublicKey;
  private final String orgId;
  private final Clock clock;
  private final KeySource keys;
  private X25519.KeyPair ephemeral;
  private boolean rekeyOnAssigned;
  private String conversation;
  private long lastSeq;
  private RatchetSession session;
  private WorkerCertificate worker;

  public SecureVisitor(VisitorClient client, byte[] rootPublicKey, String orgId, Clock clock, KeySource keys) {
    this.client = client;
    this.rootPublicKey = rootPublicKey.clone();
    this.orgId = orgId;
    this.clock = clock;
    this.keys = keys;
  }

  /** Joins the queue with a new ephemeral key. */
  public synchronized Future<JsonObject> join(List<String> languages) {
    ephemeral = keys.next();
    return client.join(languages, Base64Url.encode(ephemeral.publicKey()));
  }

  /** Encrypts {@code text} for the worker and sends it; completes with {@code stored}. */
  public synchronized Future<JsonObject> send(String text) {
    if (session == null) {
      return Future.failedFuture(new IllegalStateException("no verified worker yet"));
    }
    JsonObject frame = SecureEnvelopes.sendFrame(conversation, session.encrypt(Content.text(text)));
    return client.send(frame.getString("id"), frame.getString("header"), frame.getString("body"));
  }

  /**
   * Encrypts any message content (docs/protocol.md 12.5, such as {@code referral-consent}) for the worker and sends
   * it; completes with {@code stored}.
   */
  public synchronized Future<JsonObject> sendContent(JsonObject content) {
    if (session == null) {
      return Future.failedFuture(new IllegalStateException("no verified worker yet"));
    }
    JsonObject frame = SecureEnvelopes.sendFrame(conversation,
        session.encrypt(content.encode().getBytes(StandardCharsets.UTF_8)));
    return client.send(frame.getString("id"), frame.getString("header"), frame.getString("body"));
  }

  /** Handles frames in order until the worker's next message, which it acknowledges and returns. */
  public Future<Received> nextMessage() {
    return client.channel().next(f -> HANDLED.contains(f.getString("type")), WAIT)
        .compose(this::handle)
        .compose(received -> received.map(Future::succeededFuture).orElseGet(this::nextMessage));
  }

  private synchronized Future<Optional<Received>> handle(JsonObject frame) {
    switch (frame.getString("type")) {
      case "transferred" -> {
        forgetSession();
        if ("queue".equals(frame.getString("to"))) {
          return rekey().map(Optional.empty());
        }
        rekeyOnAssigned = true;
        return Future.succeededFuture(Optional.empty());
      }
      case "assigned" -> {
        forgetSession();
        conversation = frame.getString("conversation");
        lastSeq = 0;
        if (rekeyOnAssigned) {
          rekeyOnAssigned = false;
          return rekey().map(Optional.empty());
        }
        return Future.succeededFuture(Optional.empty());
      }
      default -> {
        return envelope(frame);
      }
    }
  }

  private Future<Optional<Received>> envelope(JsonObject envelope) {
    long seq = envelope.getLong("seq");
    if (!envelope.getString("conversation").equals(conversation) || seq <= lastSeq) {
      return Future.succeededFuture(Optional.empty()); // delivered again after a reconnect: already handled
    }
    lastSeq = seq;
    client.ack(conversation, seq);
    byte[] header = SecureEnvelopes.field(envelope, "header");
    byte[] body = SecureEnvelopes.field(envelope, "body");
    byte[] content;
    try {
      if (session == null) {
        Handshake.Accepted accepted = Handshake.accept(ephemeral, rootPublicKey, orgId, conversation,
            clock.instant(), header, body, keys);
        session = accepted.session();
        worker = accepted.certificate();
        content = accepted.content();
      } else {
        content = session.decrypt(header, body);
      }
    } catch (CryptoException e) {
      if (e.reason() == Reason.WRONG_VISITOR_KEY || e.reason() == Reason.DUPLICATE) {
        return Future.succeededFuture(Optional.empty()); // an init for a replaced key, or a replay: nothing to show
      }
      return Future.failedFuture(e);
    }
    return Future.succeededFuture(Optional.of(new Received(conversation, seq, SecureEnvelopes.content(content))));
  }

  /** A new ephemeral key for the next handshake (docs/protocol.md 12.7), sent with {@code key}. */
  private Future<Void> rekey() {
    ephemeral = keys.next();
    client.channel().send(new JsonObject().put("type", "key").put("publicKey", Base64Url.encode(ephemeral.publicKey())));
    return client.channel().next("key-updated").mapEmpty();
  }

  private void forgetSession() {
    if (session != null) {
      session.wipe();
      session = null;
    }
    worker = null;
  }

  /** Reconnects after a dropped socket; the session and the ratchet state live on in this object. */
  public Future<JsonObject> reconnect() {
    return client.connect();
  }

  /** The verified worker's certificate: its pseudonym is the one to show. */
  public synchronized Optional<WorkerCertificate> worker() {
    return Optional.ofNullable(worker);
  }

  /** The safety code of the current conversation (docs/protocol.md 12.6). */
  public synchronized Optional<String> safetyCode() {
    return Optional.ofNullable(session).map(RatchetSession::safetyCode);
  }

  public synchronized String conversation() {
    return conversation;
  }

  public VisitorClient client() {
    return client;
  }
}
