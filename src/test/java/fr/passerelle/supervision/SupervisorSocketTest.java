package fr.passerelle.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.config.LimitsConfig;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.protocol.SocketRegistry;
import fr.passerelle.staff.Role;
import fr.passerelle.staff.StaffPrincipal;
import fr.passerelle.staff.TokenVerifier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SupervisorSocketTest {
  private static final LimitsConfig LIMITS = new LimitsConfig(1_024, 16_384, 5, 20, 500, 10, 10, 20,
      Duration.ofSeconds(1), 65_536, 50, 10_000, 16_384);
  private static final TokenVerifier VERIFIER = token -> switch (token) {
    case "supervisor-token" -> Future.succeededFuture(new StaffPrincipal("s1", "sam", Role.SUPERVISOR));
    case "admin-token" -> Future.succeededFuture(new StaffPrincipal("a1", "ada", Role.ADMIN));
    case "worker-token" -> Future.succeededFuture(new StaffPrincipal("w1", "wil", Role.WORKER));
    case "expired-token" -> Future.failedFuture(ApiException.of(ErrorCode.TOKEN_EXPIRED));
    default -> Future.failedFuture(ApiException.of(ErrorCode.AUTH_FAILED));
  };

  private Vertx vertx;
  private WebSocketClient client; // held: an unreachable client is closed by Vert.x, evicting its connections
  private SupervisorSocket socket;
  private int port;

  /** A connected test client: frames and the close status, waited for with a deadline. */
  private record Client(WebSocket ws, BlockingQueue<JsonObject> frames, CompletableFuture<Short> closed) {
    JsonObject next() throws InterruptedException {
      JsonObject frame = frames.poll(5, TimeUnit.SECONDS);
      assertThat(frame).as("a frame within 5 s").isNotNull();
      return frame;
    }

    void send(String text) {
      await(ws.writeTextMessage(text));
    }

    short closeStatus() throws Exception {
      return closed.get(5, TimeUnit.SECONDS);
    }
  }

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    Clock clock = Clock.fixed(Fakes.NOW, ZoneOffset.UTC);
    LoadSampler sampler = new LoadSampler(new Fakes.Queue(), new Fakes.Presence(), new SimpleMeterRegistry(), clock);
    socket = new SupervisorSocket(vertx, sampler, VERIFIER, LIMITS, new SocketRegistry(new SimpleMeterRegistry()),
        new fr.passerelle.store.memory.MemoryStaffStore(), Duration.ofHours(1), clock);
    Router router = Router.router(vertx);
    socket.mount(router);
    HttpServer server = await(vertx.createHttpServer().requestHandler(router).listen(0));
    port = server.actualPort();
    client = vertx.createWebSocketClient();
  }

  @AfterEach
  void stop() {
    await(vertx.close());
  }

  private Client connect() {
    BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    CompletableFuture<Short> closed = new CompletableFuture<>();
    WebSocket ws = await(client.connect(port, "localhost", SupervisorSocket.PATH));
    ws.textMessageHandler(text -> frames.add(new JsonObject(text)));
    ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
    return new Client(ws, frames, closed);
  }

  private Client authenticated(String token) throws InterruptedException {
    Client client = connect();
    client.send(new JsonObject().put("type", "auth").put("token", token).encode());
    return client;
  }

  @Test
  void supervisorGetsReadyThenHistoryThenLoadCountsWithoutIds() throws Exception {
    Client client = authenticated("supervisor-token");

    assertThat(client.next()).isEqualTo(new JsonObject().put("type", "ready").put("role", "supervisor"));
    JsonObject history = client.next();
    assertThat(history.getString("type")).isEqualTo("history");
    assertThat(history.getInteger("intervalSeconds")).isEqualTo(10);
    assertThat(history.getJsonArray("samples")).as("nothing sampled before the first supervisor").isEmpty();
    JsonObject load = client.next();
    assertThat(load.getString("type")).isEqualTo("load");
    assertThat(load.getInteger("waiting")).isEqualTo(3);
    assertThat(load.getJsonObject("waitingByLanguage")).isEqualTo(new JsonObject().put("fr", 2).put("ro", 1));
    assertThat(load.getJsonObject("waitingByPriority").getInteger("2")).isEqualTo(1);
    assertThat(load.getInteger("workersOnline")).isEqualTo(3);
    assertThat(load.getInteger("workersAvailable")).isEqualTo(2);
    assertThat(load.getInteger("capacityTotal")).isEqualTo(7);
    assertThat(load.getInteger("capacityUsed")).isEqualTo(3);
    assertThat(load.getInteger("offersPending")).isEqualTo(1);
    assertThat(load.getLong("longestWaitSeconds")).isEqualTo(120);
    assertThat(load.encode()).doesNotContain("entry-", "session-", "worker-", "pseudo-", "key-");
  }

  @Test
  void loadKeepsComingFromOneSharedTimerThatStopsWithTheLastSupervisor() throws Exception {
    Client first = authenticated("supervisor-token");
    Client second = authenticated("admin-token");
    assertThat(first.next().getString("type")).isEqualTo("ready");
    assertThat(second.next().getString("role")).isEqualTo("admin");
    assertThat(first.next().getString("type")).isEqualTo("history");
    assertThat(first.next().getString("type")).isEqualTo("load");
    assertThat(first.next().getString("type")).as("a periodic load frame").isEqualTo("load");
    assertThat(socket.broadcaster().listeners()).isEqualTo(2);
    assertThat(socket.broadcaster().running()).isTrue();

    await(first.ws().close());
    await(second.ws().close());

    eventually(() -> socket.broadcaster().listeners() == 0 && !socket.broadcaster().running());
  }

  @Test
  void workerRoleIsRefused() throws Exception {
    Client client = authenticated("worker-token");

    assertThat(client.next().getString("code")).isEqualTo(ErrorCode.FORBIDDEN.wire());
    assertThat(client.closeStatus()).isEqualTo((short) 1008);
  }

  @Test
  void badOrExpiredTokenIsRefused() throws Exception {
    Client bad = authenticated("forged");
    assertThat(bad.next().getString("code")).isEqualTo("auth_failed");
    assertThat(bad.closeStatus()).isEqualTo((short) 1008);

    Client expired = authenticated("expired-token");
    assertThat(expired.next().getString("code")).isEqualTo("token_expired");
    assertThat(expired.closeStatus()).isEqualTo((short) 1008);
  }

  @Test
  void aFrameOtherThanAuthFirstIsRefused() throws Exception {
    Client client = connect();
    client.send("{\"type\":\"ping\"}");

    assertThat(client.next().getString("code")).isEqualTo("not_authenticated");
    assertThat(client.closeStatus()).isEqualTo((short) 1008);
  }

  @Test
  void noAuthFrameInTimeClosesTheSocket() throws Exception {
    Client client = connect();

    assertThat(client.next().getString("code")).isEqualTo("not_authenticated");
    assertThat(client.closeStatus()).isEqualTo((short) 1008);
  }

  @Test
  void malformedAndUnknownFramesAfterAuthGetTypedErrors() throws Exception {
    Client client = authenticated("supervisor-token");
    assertThat(client.next().getString("type")).isEqualTo("ready");

    client.send("{not json");
    assertThat(nextError(client).getString("code")).isEqualTo(ErrorCode.BAD_JSON.wire());
    client.send("{\"type\":\"subscribe\"}");
    assertThat(nextError(client).getString("code")).isEqualTo(ErrorCode.UNKNOWN_TYPE.wire());
    assertThat(client.closed()).isNotDone();
  }

  @Test
  void malformedFirstFrameIsRefused() throws Exception {
    Client client = connect();
    client.send("[1,2");

    assertThat(client.next().getString("code")).isEqualTo("bad_json");
    assertThat(client.closeStatus()).isEqualTo((short) 1008);
  }

  @Test
  void tooLargeFirstFrameClosesTheSocket() throws Exception {
    Client client = connect();
    client.send("{\"type\":\"auth\",\"token\":\"" + "x".repeat(LIMITS.maxFrameBytes()) + "\"}");

    assertThat(client.next().getString("code")).isEqualTo("too_large");
    assertThat(client.closeStatus()).isEqualTo((short) 1008);
  }

  private static JsonObject nextError(Client client) throws InterruptedException {
    JsonObject frame = client.next();
    while (!frame.getString("type").equals("error")) {
      frame = client.next(); // load frames interleave with the answers
    }
    return frame;
  }


  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
    }
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
