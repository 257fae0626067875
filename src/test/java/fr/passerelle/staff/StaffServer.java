package fr.passerelle.staff;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.audit.Auditor;
import fr.passerelle.config.AuthConfig;
import fr.passerelle.config.LimitsConfig;
import fr.passerelle.http.ProblemHandler;
import fr.passerelle.store.memory.MemoryAuditLog;
import fr.passerelle.store.memory.MemoryStaffStore;
import fr.passerelle.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** A real HTTP server on a free port with the staff API, an admin and a worker; calls block the test thread. */
final class StaffServer {
  static final String ADMIN_PASSWORD = "admin-password-1";
  static final String WORKER_PASSWORD = "worker-password-1";

  /** An HTTP answer: status, headers, raw body. */
  record Response(int status, MultiMap headers, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }

    /** Asserts an RFC 9457 problem with the given code and returns it. */
    JsonObject problem(int expectedStatus, String code) {
      assertThat(status).as(body).isEqualTo(expectedStatus);
      assertThat(headers.get("Content-Type")).isEqualTo("application/problem+json");
      JsonObject json = json();
      assertThat(json.getString("code")).isEqualTo(code);
      assertThat(json.getString("type")).isEqualTo("https://passerelle.fr/problems/" + code);
      assertThat(json.getInteger("status")).isEqualTo(expectedStatus);
      return json;
    }
  }

  final MutableClock clock = new MutableClock();
  final MemoryStaffStore store = new MemoryStaffStore();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final MemoryAuditLog audit = new MemoryAuditLog();
  final StaffAuth auth;
  final StaffAccount admin;
  final StaffAccount worker;
  private final HttpClient client = HttpClient.newHttpClient();
  private final int port;

  StaffServer(Vertx vertx) {
    this(vertx, AuthConfig.defaults());
  }

  StaffServer(Vertx vertx, AuthConfig config) {
    this(vertx, config, 1_000);
  }

  /** With {@code loginsPerMinute} login attempts allowed per client address. */
  StaffServer(Vertx vertx, AuthConfig config, int loginsPerMinute) {
    LimitsConfig d = LimitsConfig.defaults();
    LimitsConfig limits = new LimitsConfig(d.maxFrameBytes(), d.maxBodyBytes(), d.envelopesPerSecond(),
        d.envelopeBurst(), d.maxQueueLength(), d.sessionsPerMinute(), loginsPerMinute, d.errorsBeforeClose(),
        d.authTimeout(), d.letterBytes(), d.lettersPerMailbox(), d.mailboxes(),
        d.referralBytes());
    auth = new StaffAuth(vertx, config, limits, store, id -> Future.succeededFuture(id.startsWith("assoc-")), registry,
        clock, new Auditor(audit, clock), Duration.ofMillis(1));
    Router router = Router.router(vertx);
    auth.mount(router);
    ProblemHandler.install(router);
    port = vertx.createHttpServer().requestHandler(router).listen(0).await().actualPort();
    admin = auth.createAccount(newStaff("admin", Role.ADMIN, ADMIN_PASSWORD)).await();
    worker = auth.createAccount(newStaff("worker", Role.WORKER, WORKER_PASSWORD)).await();
  }

  static NewStaff newStaff(String username, Role role, String password) {
    return new NewStaff(username, "Camille " + username, role, password.toCharArray(), Set.of("fr", "ro"),
        Set.of("danger"), 3, Optional.empty());
  }

  Response login(String username, String password) {
    return post("/api/v1/auth/login", new JsonObject().put("username", username).put("password", password).encode());
  }

  String accessToken(String username, String password) {
    Response response = login(username, password);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().getString("accessToken");
  }

  Response post(String path, String body) {
    return send(HttpMethod.POST, path, Optional.empty(), Optional.of(body));
  }

  /** Over the JDK client: Vert.x 5.0.7's client, driven from the test thread, now and then never answered. */
  Response send(HttpMethod method, String path, Optional<String> token, Optional<String> body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(10))
        .method(method.name(), body.map(BodyPublishers::ofString).orElseGet(BodyPublishers::noBody));
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    body.ifPresent(b -> request.header("Content-Type", "application/json"));
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      MultiMap headers = MultiMap.caseInsensitiveMultiMap();
      response.headers().map().forEach(headers::add);
      return new Response(response.statusCode(), headers, response.body());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
