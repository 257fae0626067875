package fr.passerelle.client;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;

/** The reference worker client: logs in over HTTP, then speaks the worker frames on {@code /ws/worker}. */
public final class WorkerClient {
  private final Transport transport;
  private final String token;
  private FrameChannel channel;

  private WorkerClient(Transport transport, String token) {
    this.transport = transport;
    this.token = token;
  }

  /** Logs in and connects; the worker is {@code away} until {@link #available()}. */
  public static Future<WorkerClient> start(Transport transport, String username, String password) {
    return login(transport, username, password)
        .map(token -> new WorkerClient(transport, token))
        .compose(c -> c.connect().map(ready -> c));
  }

  public static Future<String> login(Transport transport, String username, String password) {
    return transport
        .post("/api/v1/auth/login", new JsonObject().put("username", username).put("password", password))
        .compose(r -> r.status() == 200 ? Future.succeededFuture(r.body().getString("accessToken"))
            : Future.failedFuture(new IllegalStateException("login refused: " + r.status() + " " + r.body())));
  }

  public Future<JsonObject> connect() {
    return transport.open("/ws/worker").compose(ch -> {
      channel = ch;
      ch.send(new JsonObject().put("type", "auth").put("token", token));
      return ch.next("ready");
    });
  }

  public Future<JsonObject> available() {
    channel.send(new JsonObject().put("type", "presence").put("status", "available"));
    return channel.next("presence");
  }

  /** Waits for a queue listing with at least {@code count} entries. */
  public Future<JsonObject> queueWithAtLeast(int count) {
    return channel.next(f -> "queue".equals(f.getString("type")) && f.getJsonArray("entries").size() >= count,
        Duration.ofSeconds(10));
  }

  /** Waits until a colleague with this pseudonym is listed as available; completes with their entry. */
  public Future<JsonObject> colleague(String pseudonym) {
    return channel.next(f -> "queue".equals(f.getString("type")) && f.getJsonArray("colleagues").stream()
        .map(JsonObject.class::cast).anyMatch(c -> pseudonym.equals(c.getString("pseudonym"))
            && c.getBoolean("available")), Duration.ofSeconds(10))
        .map(f -> f.getJsonArray("colleagues").stream().map(JsonObject.class::cast)
            .filter(c -> pseudonym.equals(c.getString("pseudonym"))).findFirst().orElseThrow());
  }

  public Future<JsonObject> accept(String entry) {
    channel.send(new JsonObject().put("type", "accept").put("entry", entry));
    return channel.next("assigned");
  }

  public Future<JsonObject> send(String conversation, String id, String header, String body) {
    channel.send(new JsonObject().put("type", "send").put("conversation", conversation).put("id", id)
        .put("header", header).put("body", body));
    return channel.next(f -> "stored".equals(f.getString("type")) && id.equals(f.getString("id"))
        || "error".equals(f.getString("type")), Duration.ofSeconds(10))
        .compose(f -> "error".equals(f.getString("type"))
            ? Future.failedFuture(new FrameChannel.FrameError(f)) : Future.succeededFuture(f));
  }

  public Future<Void> ack(String conversation, long seq) {
    return channel.send(new JsonObject().put("type", "ack").put("conversation", conversation).put("seq", seq));
  }

  public Future<JsonObject> end(String conversation) {
    channel.send(new JsonObject().put("type", "end").put("conversation", conversation));
    return channel.next("ended");
  }

  public Future<JsonObject> transfer(String conversation, Optional<String> to) {
    JsonObject frame = new JsonObject().put("type", "transfer").put("conversation", conversation);
    to.ifPresent(t -> frame.put("to", t));
    channel.send(frame);
    return channel.next("transferred");
  }

  public FrameChannel channel() {
    return channel;
  }

  public String token() {
    return token;
  }
}
