package fr.passerelle.client;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The reference visitor client: creates an anonymous session over HTTP, then speaks the visitor frames on
 * {@code /ws/visitor}. Envelope contents are opaque here; {@link SecureVisitor} encrypts them.
 */
public final class VisitorClient {
  private final Transport transport;
  private final String session;
  private final String secret;
  private FrameChannel channel;

  private VisitorClient(Transport transport, String session, String secret) {
    this.transport = transport;
    this.session = session;
    this.secret = secret;
  }

  /** Creates a session (languages in order of preference) and connects. */
  public static Future<VisitorClient> start(Transport transport, List<String> languages) {
    return start(transport, languages, Optional.empty());
  }

  /** As {@link #start(Transport, List)}, through an outreach link that carries a campaign code. */
  public static Future<VisitorClient> start(Transport transport, List<String> languages, Optional<String> campaign) {
    JsonObject body = new JsonObject().put("languages", new JsonArray(languages));
    campaign.ifPresent(c -> body.put("campaign", c));
    return transport.post("/api/v1/sessions", body)
        .compose(r -> r.status() == 201 ? Future.succeededFuture(r.body())
            : Future.failedFuture(new IllegalStateException("session refused: " + r.status() + " " + r.body())))
        .map(b -> new VisitorClient(transport, b.getString("session"), b.getString("secret")))
        .compose(c -> c.connect().map(ready -> c));
  }

  /** (Re)connects and authenticates; completes with the {@code ready} frame. */
  public Future<JsonObject> connect() {
    return transport.open("/ws/visitor").compose(ch -> {
      channel = ch;
      ch.send(new JsonObject().put("type", "auth").put("session", session).put("secret", secret));
      return ch.next("ready");
    });
  }

  public Future<JsonObject> join(List<String> languages, String publicKey) {
    channel.send(new JsonObject().put("type", "join").put("languages", new JsonArray(languages))
        .put("publicKey", publicKey));
    return channel.next("queued");
  }

  /** Sends an envelope; completes with the server's {@code stored} acknowledgement. */
  public Future<JsonObject> send(String id, String header, String body) {
    channel.send(new JsonObject().put("type", "send").put("id", id).put("header", header).put("body", body));
    return channel.next(f -> "stored".equals(f.getString("type")) && id.equals(f.getString("id"))
        || "error".equals(f.getString("type")), Duration.ofSeconds(10))
        .compose(f -> "error".equals(f.getString("type"))
            ? Future.failedFuture(new FrameChannel.FrameError(f)) : Future.succeededFuture(f));
  }

  /** Names the conversation, so a late ack can never apply to the next one after a transfer. */
  public Future<Void> ack(String conversation, long seq) {
    return channel.send(new JsonObject().put("type", "ack").put("conversation", conversation).put("seq", seq));
  }

  /**
   * Tells the server the visitor's answer to a referral request (the encrypted {@code referral-consent} content goes
   * separately); completes with {@code consent-recorded}, or fails with the {@code error} frame.
   */
  public Future<JsonObject> consent(String conversation, String request, boolean given) {
    channel.send(new JsonObject().put("type", "consent").put("conversation", conversation).put("request", request)
        .put("given", given));
    return channel.next(f -> "consent-recorded".equals(f.getString("type")) && request.equals(f.getString("request"))
        || "error".equals(f.getString("type")), Duration.ofSeconds(10))
        .compose(f -> "error".equals(f.getString("type"))
            ? Future.failedFuture(new FrameChannel.FrameError(f)) : Future.succeededFuture(f));
  }

  public Future<JsonObject> leave() {
    channel.send(new JsonObject().put("type", "leave"));
    return channel.next("left");
  }

  /** Quick exit: the server erases everything of this visitor. */
  public Future<JsonObject> erase() {
    channel.send(new JsonObject().put("type", "erase"));
    return channel.next("erased");
  }

  public FrameChannel channel() {
    return channel;
  }

  public String session() {
    return session;
  }

  public String secret() {
    return secret;
  }
}
