package fr.passerelle.client;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Optional;

/**
 * The reference client's connection to one server: JSON over HTTP and frame sockets. Keep it referenced for as
 * long as it is used: Vert.x shuts down a WebSocket client that is garbage collected. HTTP goes through the JDK
 * client: Vert.x 5.0.7's client, used from a plain thread, now and then never completed a request in our tests.
 */
public final class Transport {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_SOCKETS = 10_000;
  private final Vertx vertx;
  private final String host;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final WebSocketClient webSockets;

  /** A response: its status, its body as JSON (empty when there is none), its Retry-After header. */
  public record Response(int status, JsonObject body, Optional<String> retryAfter) {}

  public Transport(Vertx vertx, String host, int port) {
    this.vertx = vertx;
    this.host = host;
    this.port = port;
    // Vert.x allows 50 sockets per server by default and silently queues the rest: a test or load client needs more.
    this.webSockets = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(MAX_SOCKETS));
  }

  public Future<Response> request(String method, String path, Optional<String> bearer, Optional<String> body) {
    return authorized(method, path, bearer.map(t -> "Bearer " + t), body);
  }

  /** A request with {@code authorization} as the whole header value, such as {@code Mailbox <token>}. */
  public Future<Response> authorized(String method, String path, Optional<String> authorization,
      Optional<String> body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
        .timeout(TIMEOUT).method(method, body.map(BodyPublishers::ofString).orElseGet(BodyPublishers::noBody));
    body.ifPresent(b -> request.header("content-type", "application/json"));
    authorization.ifPresent(value -> request.header("authorization", value));
    return Future.fromCompletionStage(http.sendAsync(request.build(), BodyHandlers.ofString()),
            vertx.getOrCreateContext())
        .map(r -> new Response(r.statusCode(), r.body().isEmpty() ? new JsonObject() : new JsonObject(r.body()),
            r.headers().firstValue("retry-after")));
  }

  public Future<Response> post(String path, JsonObject body) {
    return request("POST", path, Optional.empty(), Optional.of(body.encode()));
  }

  /** Opens a frame socket on {@code path} (authenticate with the first frame). */
  public Future<FrameChannel> open(String path) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setPort(port).setHost(host).setURI(path);
    return webSockets.connect(options).map(ws -> new FrameChannel(vertx, ws));
  }

  public Future<Void> close() {
    return webSockets.close();
  }
}
