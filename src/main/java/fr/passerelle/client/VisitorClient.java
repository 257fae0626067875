package fr.passerelle.client;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The reference visitor client: creates an anonymous session over HTTP, then speaks the visitor frames on
 * {@code /ws/visitor}. Envelope contents are opaque here; the encryption layer builds them.
 */
public final class VisitorClient {
  private final Vertx vertx;
  private final Http http; // held: Vert.x closes a client nothing references
  private final String host;
  private final int port;
  private final String session;
  private final String secret;
  private FrameChannel channel;

  private VisitorClient(Vertx vertx, Http http, String host, int port, String session, String secret) {
    this.vertx = vertx;
    this.http = http;
    this.host = host;
    this.port = port;
    this.session = session;
    this.secret = secret;
  }

  /** Creates a session (languages in order of preference) and connects. */
  public static Future<VisitorClient> start(Vertx vertx, String host, int port, List<String> languages) {
    Http http = new Http(vertx, host, port);
    return http.post("/api/v1/sessions", new JsonObject().put("languages", new JsonArray(languages)))
        .compose(r -> r.status() == 201 ? Future.succeededFuture(r.body())
            : Future.failedFuture(new IllegalStateException("session refused: " + r.status() + " " + r.body())))
        .map(b -> new VisitorClient(vertx, http, host, port, b.getString("session"), b.getString("secret")))
        .compose(c -> c.connect().map(ready -> c));
  }

  /** (Re)connects and authenticates; completes with the {@code ready} frame. */
  public Future<JsonObject> connect() {
    return FrameChannel.connect(vertx, port, host, "/ws/visitor").compose(ch -> {
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
        || "error".equals(f.getString("type")), java.time.Duration.ofSeconds(10))
        .compose(f -> "error".equals(f.getString("type"))
            ? Future.failedFuture(new FrameChannel.FrameError(f)) : Future.succeededFuture(f));
  }

  public Future<Void> ack(long seq) {
    return channel.send(new JsonObject().put("type", "ack").put("seq", seq));
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

  public Http http() {
    return http;
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
