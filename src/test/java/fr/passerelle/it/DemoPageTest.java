package fr.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Ed25519;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo host page at {@code /}: served in demo mode only, under the configured organisation's name. */
@ExtendWith(VertxExtension.class)
class DemoPageTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private TestNode node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void inDemoModeTheSiteBearsTheNameTheWidgetShows(Vertx vertx) {
    node = TestNode.start(vertx, Map.of("PASSERELLE_ORGANISATION_NAME", "Les Amies <du> Quai"));

    HttpResponse<String> page = get("/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<title>Les Amies &lt;du&gt; Quai – ")
        .contains("<p class=\"brand\">Les Amies &lt;du&gt; Quai</p>", "data-org-name=\"Les Amies &lt;du&gt; Quai\"")
        .doesNotContain("Horizon", "passerelle:organisation", "passerelle:widget", "<du>");
    assertThat(get("/index.html").body()).isEqualTo(page.body());
    assertThat(get("/demo/demo.css").statusCode()).isEqualTo(200);
  }

  @Test
  void outsideDemoModeThereIsNoDemoSite(Vertx vertx) {
    node = TestNode.start(vertx, Map.of("PASSERELLE_DEMO_ENABLED", "false",
        "PASSERELLE_ORGANISATION_ROOT_PUBLIC_KEY", Base64Url.encode(Ed25519.generate(new SecureRandom()).publicKey())));

    for (String path : new String[] {"/", "/index.html", "/demo/demo.css"}) {
      HttpResponse<String> missing = get(path);
      assertThat(missing.statusCode()).as(path).isEqualTo(404);
      assertThat(missing.headers().firstValue("content-type")).as(path).hasValue("application/problem+json");
      assertThat(new JsonObject(missing.body()).getString("code")).as(path).isEqualTo("not_found");
    }
    assertThat(get("/console/").statusCode()).as("the staff pages stay").isEqualTo(200);
    assertThat(get("/api/v1/service").statusCode()).isEqualTo(200);
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
