package fr.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.http.WebJars;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Libraries from Maven Central WebJars are served from the classpath at /webjars/, cached for a year. */
@ExtendWith(VertxExtension.class)
class WebJarsTest {
  static final String UPLOT = "/webjars/uplot/1.6.30/dist/uPlot.esm.js";
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
  void uPlotIsServedAsAModuleWithLongCaching() {
    HttpResponse<String> response = send("GET", UPLOT);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/javascript"));
    assertThat(response.headers().firstValue("cache-control")).hasValue(WebJars.CACHE_CONTROL);
    assertThat(response.headers().firstValue("x-content-type-options")).hasValue("nosniff");
    assertThat(response.body()).contains("export { uPlot as default }");

    HttpResponse<String> css = send("GET", "/webjars/uplot/1.6.30/dist/uPlot.min.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("content-type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/css"));
    HttpResponse<String> head = send("HEAD", "/webjars/uplot/1.6.30/dist/uPlot.min.css");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("cache-control")).hasValue(WebJars.CACHE_CONTROL);
  }

  @Test
  void onlyGetAndHeadAndNothingButWebJarFiles() {
    assertThat(send("POST", UPLOT).statusCode()).isIn(404, 405);
    assertThat(send("DELETE", UPLOT).statusCode()).isIn(404, 405);
    HttpResponse<String> missing = send("GET", "/webjars/uplot/9.9.9/dist/uPlot.esm.js");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("cache-control")).hasValue("no-store");
    assertThat(send("GET", "/webjars/").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/webjars/uplot/1.6.30/").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/webjars/../fr/passerelle/app/Main.class").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/webjars/%2e%2e/%2e%2e/%2e%2e/fr/passerelle/app/Main.class").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/webjars/%2e%2e/maven/org.webjars.npm/uplot/pom.xml").statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> send(String method, String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
        .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
