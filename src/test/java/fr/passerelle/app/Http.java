package fr.passerelle.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import java.util.concurrent.TimeUnit;

/** Test client: GETs waited for with a deadline from the test thread, over one shared client. */
final class Http {
  record Response(int status, String body) {}

  private final HttpClient client;

  Http(Vertx vertx) {
    this.client = vertx.createHttpClient();
  }

  Response get(int port, String path) {
    return await(client
        .request(HttpMethod.GET, port, "localhost", path)
        .compose(request -> request.send())
        .compose(response -> response.body().map(body -> new Response(response.statusCode(), body.toString()))));
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
