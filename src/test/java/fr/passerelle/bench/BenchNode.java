package fr.passerelle.bench;

import fr.passerelle.client.WorkerClient;
import fr.passerelle.it.TestNode;
import fr.passerelle.staff.NewStaff;
import fr.passerelle.staff.Role;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An in-process node set up for load: pull routing, limits raised so they are not what is measured, and
 * benchmark workers ({@code bench-0}, {@code bench-1}, …: French, 20 slots each).
 */
final class BenchNode implements AutoCloseable {
  static final int WORKER_CAPACITY = 20;
  static final int MAX_SOCKETS = 5_000;
  static final String PUBLIC_KEY = "YmVuY2gtdmlzaXRvci1rZXk=";

  /** A visitor and a worker talking in one conversation. */
  record Pair(BenchSocket visitor, BenchSocket worker, String conversation) {}

  private final Vertx vertx;
  private final TestNode node;
  private final WebSocketClient sockets; // referenced for as long as the node: Vert.x closes an unreferenced client
  private final List<BenchSocket> workers = new ArrayList<>();

  private BenchNode(Vertx vertx, TestNode node) {
    this.vertx = vertx;
    this.node = node;
    // Vert.x allows 50 WebSockets per server by default and queues further connects silently.
    this.sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(MAX_SOCKETS));
  }

  static BenchNode start(Vertx vertx, Map<String, String> extraSettings) {
    Map<String, String> settings = new java.util.HashMap<>(Map.of(
        "PASSERELLE_ROUTING_MODE", "pull",
        "PASSERELLE_LIMITS_ENVELOPES_PER_SECOND", "1000000",
        "PASSERELLE_LIMITS_ENVELOPE_BURST", "1000000",
        "PASSERELLE_LIMITS_SESSIONS_PER_MINUTE", "100000",
        "PASSERELLE_LIMITS_LOGINS_PER_MINUTE", "1000"));
    settings.putAll(extraSettings);
    return new BenchNode(vertx, TestNode.start(vertx, settings));
  }

  static <T> T await(Future<T> future, Duration timeout) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A connected worker, available, on a new account with 20 slots. */
  BenchSocket worker() {
    String username = "bench-" + workers.size();
    await(node.node().staff().createAccount(new NewStaff(username, "Bench " + workers.size(), Role.WORKER,
        TestNode.PASSWORD.toCharArray(), Set.of("fr"), Set.of(), WORKER_CAPACITY, Optional.empty())),
        Duration.ofSeconds(30));
    String token = await(WorkerClient.login(node.transport(), username, TestNode.PASSWORD), Duration.ofSeconds(30));
    BenchSocket worker = await(open("/ws/worker")
        .compose(ws -> ws.request(new JsonObject().put("type", "auth").put("token", token), "ready").map(ws)),
        Duration.ofSeconds(30));
    workers.add(worker);
    return worker;
  }

  static Future<BenchSocket> available(BenchSocket worker) {
    return worker.request(new JsonObject().put("type", "presence").put("status", "available"), "presence")
        .map(worker);
  }

  /** A visitor with a new session, authenticated and waiting in the queue in French. */
  Future<BenchSocket> waitingVisitor() {
    return authenticatedVisitor().compose(ws -> ws.request(join(), "queued").map(ws));
  }

  static JsonObject join() {
    return new JsonObject().put("type", "join").put("languages", new JsonArray().add("fr"))
        .put("publicKey", PUBLIC_KEY);
  }

  /** A visitor with a new session, authenticated and idle. */
  Future<BenchSocket> authenticatedVisitor() {
    return node.transport().post("/api/v1/sessions", new JsonObject().put("languages", new JsonArray().add("fr")))
        .compose(r -> r.status() == 201 ? Future.succeededFuture(r.body())
            : Future.failedFuture(new IllegalStateException("session refused: " + r.status())))
        .compose(session -> open("/ws/visitor").compose(ws -> ws.request(new JsonObject().put("type", "auth")
            .put("session", session.getString("session")).put("secret", session.getString("secret")), "ready")
            .map(ws)));
  }

  /** {@code count} pairs, one at a time: each visitor joins, then a worker with a free slot takes them. */
  List<Pair> pairs(int count) {
    int needed = (count + WORKER_CAPACITY - 1) / WORKER_CAPACITY;
    while (workers.size() < needed) {
      await(available(worker()), Duration.ofSeconds(30));
    }
    Set<String> taken = new HashSet<>();
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      BenchSocket worker = workers.get(i / WORKER_CAPACITY);
      Future<JsonObject> listing = worker.next(f -> "queue".equals(f.getString("type"))
          && f.getJsonArray("entries").stream().map(JsonObject.class::cast)
              .anyMatch(e -> !taken.contains(e.getString("entry"))));
      BenchSocket visitor = await(waitingVisitor(), Duration.ofSeconds(30));
      String entry = await(listing, Duration.ofSeconds(30)).getJsonArray("entries").stream()
          .map(JsonObject.class::cast).map(e -> e.getString("entry")).filter(e -> !taken.contains(e))
          .findFirst().orElseThrow();
      taken.add(entry);
      Future<JsonObject> assigned = visitor.next(f -> "assigned".equals(f.getString("type")));
      String conversation = await(worker.request(new JsonObject().put("type", "accept").put("entry", entry),
          "assigned"), Duration.ofSeconds(30)).getString("conversation");
      await(assigned, Duration.ofSeconds(30));
      pairs.add(new Pair(visitor, worker, conversation));
    }
    return pairs;
  }

  TestNode node() {
    return node;
  }

  Future<BenchSocket> open(String path) {
    return BenchSocket.open(vertx, sockets, node.port(), path);
  }

  @Override
  public void close() {
    node.close();
    await(sockets.close(), Duration.ofSeconds(30));
  }
}
