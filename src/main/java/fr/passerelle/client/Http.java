package fr.passerelle.client;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** Minimal JSON over HTTP for the reference client: one request, the status and the parsed body. */
public final class Http {
  private final HttpClient client;
  private final String host;
  private final int port;

  /** A response: its status and its body as JSON (empty object when there is none). */
  public record Response(int status, JsonObject body, Optional<String> retryAfter) {}

  public Http(Vertx vertx, String host, int port) {
    this.client = vertx.createHttpClient();
    this.host = host;
    this.port = port;
  }

  public Future<Response> request(HttpMethod method, String path, Optional<String> bearer, Optional<String> body) {
    RequestOptions options = new RequestOptions().setMethod(method).setHost(host).setPort(port).setURI(path);
    body.ifPresent(b -> options.putHeader("content-type", "application/json"));
    bearer.ifPresent(t -> options.putHeader("authorization", "Bearer " + t));
    return client.request(options)
        .compose(req -> body.map(req::send).orElseGet(req::send))
        .compose(resp -> resp.body().map(b -> new Response(resp.statusCode(),
            b.length() == 0 ? new JsonObject() : b.toJsonObject(),
            Optional.ofNullable(resp.getHeader("retry-after")))));
  }

  public Future<Void> close() {
    return client.close();
  }

  public Future<Response> post(String path, JsonObject body) {
    return request(HttpMethod.POST, path, Optional.empty(), Optional.of(body.encode()));
  }
}
