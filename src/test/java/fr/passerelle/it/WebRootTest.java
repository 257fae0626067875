package fr.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.http.WebRoot;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The public port serves the browser code next to the API, with the headers a page that handles secrets needs. */
@ExtendWith(VertxExtension.class)
class WebRootTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private TestNode node;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void anUpgradeToCleartextHttp2IsIgnoredAndAnsweredInHttp11() throws IOException, InterruptedException {
    HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    HttpResponse<String> response = http2.send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + node.port() + "/api/v1")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
  }

  @Test
  void libraryModulesAreJavaScriptThatBrowsersMayNotSniff() {
    HttpResponse<String> response = get("/lib/index.js");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/javascript"));
    assertThat(response.headers().firstValue("x-content-type-options")).hasValue("nosniff");
    assertThat(response.body()).contains("export");
  }

  @Test
  void htmlPagesGetTheStrictContentSecurityPolicy() {
    for (String page : List.of("/test/harness.html", "/console/", "/supervisor/", "/intake/")) {
      HttpResponse<String> response = get(page);
      assertThat(response.statusCode()).as(page).isEqualTo(200);
      assertThat(response.headers().firstValue("content-type")).as(page).hasValueSatisfying(
          type -> assertThat(type).startsWith("text/html"));
      assertThat(response.headers().firstValue("content-security-policy")).as(page)
          .hasValue(WebRoot.CONTENT_SECURITY_POLICY);
      assertThat(response.headers().firstValue("x-content-type-options")).as(page).hasValue("nosniff");
    }
  }

  @Test
  void directoriesAreNotListedAndNothingOutsideTheWebRootIsServed() {
    assertThat(get("/lib/").statusCode()).isEqualTo(404);
    assertThat(get("/lib/../fr/passerelle/app/Main.class").statusCode()).isEqualTo(404);
    assertThat(get("/lib/%2e%2e/fr/passerelle/app/Main.class").statusCode()).isEqualTo(404);
    assertThat(get("/logging.properties").statusCode()).isEqualTo(404);
  }

  @Test
  void theJsonIndexIsAtTheApiRootAndTheRootIsTheDemoPage() {
    HttpResponse<String> index = get("/api/v1");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(index.body()).getString("service")).isEqualTo("passerelle");
    HttpResponse<String> root = get("/");
    assertThat(root.statusCode()).isEqualTo(200);
    assertThat(root.headers().firstValue("content-type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/html"));
    HttpResponse<String> unknown = get("/api/v1/nothing-here");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("content-type")).hasValue("application/problem+json");
  }

  private HttpResponse<String> get(String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
        .timeout(Duration.ofSeconds(10)).build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
