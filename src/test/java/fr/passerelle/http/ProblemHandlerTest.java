package fr.passerelle.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ProblemHandlerTest {
  private Vertx vertx;
  private int port;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    Router router = Router.router(vertx);
    router.get("/boom").handler(ctx -> {
      throw new IllegalStateException("secret request content");
    });
    router.get("/full").handler(ctx -> ctx.fail(
        new ApiException(ErrorCode.QUEUE_FULL, "Queue full", Optional.of(Duration.ofMillis(2500)))));
    ProblemHandler.install(router);
    port = vertx.createHttpServer().requestHandler(router).listen(0).await().actualPort();
  }

  @Test
  void unexpectedExceptionIsInternalWithoutItsMessage() {
    JsonObject problem = get("/boom", 500, "internal");
    assertThat(problem.encode()).doesNotContain("secret");
  }

  @Test
  void retryAfterIsRoundedUpToWholeSeconds() {
    get("/full", 503, "queue_full");
    assertThat(lastRetryAfter).isEqualTo("3");
  }

  @Test
  void unknownRouteIsNotFoundProblem() {
    get("/nothing-here", 404, "not_found");
  }

  private String lastRetryAfter;

  private JsonObject get(String path, int status, String code) {
    String[] head = new String[2];
    int actual = vertx.createHttpClient().request(HttpMethod.GET, port, "localhost", path)
        .compose(HttpClientRequest::send)
        .compose(r -> {
          head[0] = r.getHeader("Content-Type");
          lastRetryAfter = r.getHeader("Retry-After");
          return r.body().map(b -> {
            head[1] = b.toString();
            return r.statusCode();
          });
        }).await();
    String body = head[1];
    assertThat(actual).isEqualTo(status);
    assertThat(head[0]).isEqualTo("application/problem+json");
    JsonObject json = new JsonObject(body);
    assertThat(json.getString("code")).isEqualTo(code);
    assertThat(json.getString("type")).isEqualTo(ProblemHandler.TYPE_PREFIX + code);
    return json;
  }
}
