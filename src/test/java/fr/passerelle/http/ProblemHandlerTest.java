package fr.passerelle.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    HttpResponse<String> response;
    try {
      response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
    lastRetryAfter = response.headers().firstValue("Retry-After").orElse(null);
    String body = response.body();
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonObject json = new JsonObject(body);
    assertThat(json.getString("code")).isEqualTo(code);
    assertThat(json.getString("type")).isEqualTo(ProblemHandler.TYPE_PREFIX + code);
    return json;
  }
}
