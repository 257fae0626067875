package fr.passerelle.client;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.crypto.CryptoException.Reason;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.e2e.Content;
import fr.passerelle.e2e.EncryptedMessage;
import fr.passerelle.e2e.Handshake;
import fr.passerelle.e2e.KeySource;
import fr.passerelle.e2e.RatchetSession;
import fr.passerelle.e2e.TransferNote;
import fr.passerelle.e2e.WorkerKeys;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reference worker client with end-to-end encryption (docs/protocol.md 12): it holds the worker's identity keys
 * and certificate, starts a handshake for every visitor key it learns ({@code assigned} or {@code visitor-key}),
 * seals transfer notes to a colleague's verified certificate and opens the notes it receives.
 *
 * <p>{@link #nextMessage} handles the protocol's frames in order and completes with the next message from a
 * visitor, or a transfer note. Frames it does not handle stay in the channel for the caller.
 */
public final class SecureWorker {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Set<String> HANDLED = Set.of("assigned", "visitor-key", "envelope");

  private final WorkerClient client;
  private final WorkerKeys identity;
  private final byte[] certificate;
  private final WorkerCertificate own;
  private final byte[] rootPublicKey;
  private final Clock clock;
  private final KeySource keys;
  private final Map<String, Conversation> conversations = new HashMap<>();

  /** One conversation: its session once a handshake ran, and the last {@code seq} handled. */
  private static final class Conversation {
    RatchetSession session;
    long lastSeq;
  }

  public SecureWorker(WorkerClient client, WorkerKeys identity, byte[] certificate, byte[] rootPublicKey,
      Clock clock, KeySource keys) {
    this.client = client;
    this.identity = identity;
    this.certificate = certificate.clone();
    this.own = WorkerCertificate.parse(certificate);
    this.rootPublicKey = rootPublicKey.clone();
    this.clock = clock;
    this.keys = keys;
  }

  /** Uploads this worker's certificate ({@code PUT /api/v1/workers/me/certificate}). */
  public Future<Void> uploadCertificate(Transport transport) {
    return transport.request("PUT", "/api/v1/workers/me/certificate", Optional.of(client.token()),
        Optional.of(new JsonObject().put("certificate", Base64Url.encode(certificate)).encode()))
        .compose(r -> r.status() == 200 ? Future.succeededFuture()
            : Future.failedFuture(new IllegalStateException("certificate refused: " + r.body())));
  }

  /** Takes a waiting visitor and greets them in the init; completes with the conversation id. */
  public Future<String> accept(String entry, String greeting) {
    return client.accept(entry).compose(assigned -> {
      String id = assigned.getString("conversation");
      return handshake(id, assigned.getString("visitorKey"), Content.text(greeting)).map(id);
    });
  }

  /** Encrypts {@code text} for the visitor of {@code conversation} and sends it; completes with {@code stored}. */
  public synchronized Future<JsonObject> send(String conversation, String text) {
    Conversation c = conversations.get(conversation);
    if (c == null || c.session == null) {
      return Future.failedFuture(new IllegalStateException("no handshake in this conversation yet"));
    }
    JsonObject frame = SecureEnvelopes.sendFrame(conversation, c.session.encrypt(Content.text(text)));
    return client.send(conversation, frame.getString("id"), frame.getString("header"), frame.getString("body"));
  }

  /**
   * Hands the visitor to a colleague with a note only they can open: takes their certificate from the server,
   * verifies it, seals the note to its identity key, then transfers.
   */
  public Future<JsonObject> transfer(Transport transport, String conversation, String colleagueId, String note) {
    return transport.request("GET", "/api/v1/workers/" + colleagueId + "/certificate", Optional.of(client.token()),
        Optional.empty()).compose(r -> {
          if (r.status() != 200) {
            return Future.failedFuture(new IllegalStateException("no certificate for the colleague: " + r.body()));
          }
          byte[] theirs = Base64Url.decode(r.body().getString("certificate")).orElseThrow();
          WorkerCertificate colleague = WorkerCertificate.verify(theirs, rootPublicKey, own.orgId(), clock.instant());
          if (!colleague.workerId().equals(colleagueId)) {
            return Future.failedFuture(new CryptoException(Reason.BAD_CERTIFICATE, "certificate of another worker"));
          }
          byte[] sealed = TransferNote.seal(identity, certificate, own.orgId(), colleagueId,
              colleague.identityDhKey(), Content.transferNote(note, clock.instant()), keys);
          client.channel().send(new JsonObject().put("type", "transfer").put("conversation", conversation)
              .put("to", colleagueId).put("note", Base64Url.encode(sealed)));
          return client.channel().next("transferred");
        }).onSuccess(t -> forget(conversation));
  }

  /** Handles frames in order until the next visitor message or transfer note, which it returns. */
  public Future<Received> nextMessage() {
    return client.channel().next(f -> HANDLED.contains(f.getString("type")), WAIT)
        .compose(this::handle)
        .compose(received -> received.map(Future::succeededFuture).orElseGet(this::nextMessage));
  }

  private synchronized Future<Optional<Received>> handle(JsonObject frame) {
    String id = frame.getString("conversation");
    return switch (frame.getString("type")) {
      // A transferred visitor gets a new key first (12.7): the handshake waits for visitor-key.
      case "assigned" -> {
        conversations.computeIfAbsent(id, k -> new Conversation());
        yield Future.succeededFuture(Optional.ofNullable(frame.getString("note")).map(note -> openNote(id, note)));
      }
      case "visitor-key" -> handshake(id, frame.getString("publicKey"), Content.hello()).map(Optional.empty());
      default -> Future.succeededFuture(envelope(frame));
    };
  }

  private Received openNote(String conversation, String note) {
    TransferNote.Opened opened = TransferNote.open(identity.identityDh().privateKey(), own.orgId(), own.workerId(),
        rootPublicKey, clock.instant(), Base64Url.decode(note).orElseThrow(
            () -> new CryptoException(Reason.MALFORMED, "the note is not unpadded base64url")));
    JsonObject content = SecureEnvelopes.content(opened.content()).put("from", opened.sender().pseudonym());
    return new Received(conversation, 0, content);
  }

  private synchronized Future<Void> handshake(String conversation, String visitorKey, byte[] firstContent) {
    Conversation c = conversations.computeIfAbsent(conversation, k -> new Conversation());
    if (c.session != null) {
      c.session.wipe();
    }
    Handshake.Initiated init = Handshake.initiate(identity, certificate, own.orgId(), rootPublicKey, conversation,
        Base64Url.decode(visitorKey).orElseThrow(() -> new CryptoException(Reason.MALFORMED, "visitor key")),
        firstContent, keys);
    c.session = init.session();
    JsonObject frame = SecureEnvelopes.sendFrame(conversation,
        new EncryptedMessage(init.header(), init.body()));
    return client.send(conversation, frame.getString("id"), frame.getString("header"), frame.getString("body"))
        .mapEmpty();
  }

  private Optional<Received> envelope(JsonObject envelope) {
    String id = envelope.getString("conversation");
    Conversation c = conversations.get(id);
    long seq = envelope.getLong("seq");
    if (c == null || seq <= c.lastSeq) {
      return Optional.empty(); // delivered again after a reconnect: already handled
    }
    c.lastSeq = seq;
    client.ack(id, seq);
    if (c.session == null) {
      throw new CryptoException(Reason.MALFORMED, "a visitor message before any handshake");
    }
    try {
      byte[] content = c.session.decrypt(SecureEnvelopes.field(envelope, "header"),
          SecureEnvelopes.field(envelope, "body"));
      return Optional.of(new Received(id, seq, SecureEnvelopes.content(content)));
    } catch (CryptoException e) {
      if (e.reason() == Reason.DUPLICATE) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private synchronized void forget(String conversation) {
    Conversation c = conversations.remove(conversation);
    if (c != null && c.session != null) {
      c.session.wipe();
    }
  }

  /** The safety code of a conversation once its handshake ran (docs/protocol.md 12.6). */
  public synchronized Optional<String> safetyCode(String conversation) {
    return Optional.ofNullable(conversations.get(conversation)).map(c -> c.session).map(RatchetSession::safetyCode);
  }

  /** Reconnects after a dropped socket: sessions live on in this object, and the worker comes back away. */
  public Future<JsonObject> reconnect() {
    return client.connect();
  }

  public WorkerClient client() {
    return client;
  }
}
