package fr.passerelle.it;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.Transport;
import fr.passerelle.client.VisitorClient;
import fr.passerelle.client.WorkerClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class MetricsTest {
  private TestNode node;
  private final HttpClient management = HttpClient.newHttpClient();

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private String scrape() {
    URI uri = URI.create("http://127.0.0.1:" + node.node().managementPort() + "/metrics");
    try {
      return management.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theScrapeCountsRelayQueueSocketsErrorsAndLoginsWithoutIdentifiers() {
    VisitorClient visitor = node.visitor("fr");
    WorkerClient worker = node.worker("camille");
    String conversation = ConversationLifecycleTest.connect(visitor, worker);
    await(visitor.send("m1", "", "AAAA"));
    await(visitor.send("m2", "", "AAAA"));
    await(worker.send(conversation, "w1", "", "AAAA"));
    visitor.channel().sendText("not json");
    await(visitor.channel().next("error"));
    await(node.transport().post("/api/v1/auth/login",
        new JsonObject().put("username", "camille").put("password", "nope")));

    TestNode.eventually(() -> scrape().contains("passerelle_conversations_active 1.0"));
    String metrics = scrape();
    assertThat(metrics)
        .contains("passerelle_relay_envelopes_total{from=\"visitor\"} 2.0")
        .contains("passerelle_relay_envelopes_total{from=\"worker\"} 1.0")
        .contains("passerelle_relay_bytes_total{from=\"visitor\"} 8.0")
        .contains("passerelle_queue_wait_seconds_count 1")
        .contains("passerelle_websockets_open{kind=\"visitor\"} 1.0")
        .contains("passerelle_websockets_open{kind=\"worker\"} 1.0")
        .contains("passerelle_errors_total{code=\"bad_json\"} 1.0")
        .contains("passerelle_auth_login_failures_total")
        .contains("passerelle_workers_available 1.0");
    assertThat(metrics).doesNotContain(visitor.session()).doesNotContain(conversation).doesNotContain("127.0.0.1:");
  }

  @Test
  void theApiRootOfThePublicPortSaysWhatRunsThere() {
    Transport.Response root = await(node.transport().request("GET", "/api/v1", Optional.empty(), Optional.empty()));
    assertThat(root.status()).isEqualTo(200);
    assertThat(root.body().getString("service")).isEqualTo("passerelle");
    assertThat(root.body().getJsonArray("websockets")).contains("/ws/visitor");
  }

  @Test
  void metricsAreNotServedOnThePublicPort() {
    Transport.Response response = await(node.transport().request("GET", "/metrics", Optional.empty(),
        Optional.empty()));
    assertThat(response.status()).isEqualTo(404);
    Transport.Response health = await(node.transport().request("GET", "/health/ready", Optional.empty(),
        Optional.empty()));
    assertThat(health.status()).isEqualTo(404);
  }
}
