package fr.passerelle.app;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.config.HttpConfig;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManagementServerTest {
  private final AtomicBoolean storeUp = new AtomicBoolean(true);
  private Observability observability;
  private ManagementServer management;
  private int port;
  private Http http;

  @BeforeEach
  void start() {
    observability = Observability.create();
    HttpConfig config = new HttpConfig("127.0.0.1", 0, "127.0.0.1", 0, Duration.ofSeconds(1),
        Optional.empty(), Optional.empty());
    ReadinessCheck store = new ReadinessCheck("store",
        () -> storeUp.get() ? Future.succeededFuture() : Future.failedFuture("store unreachable"));
    ReadinessCheck server = new ReadinessCheck("http", () -> Future.succeededFuture());
    management = new ManagementServer(observability.vertx(), config, observability.registry(), List.of(store, server));
    await(management.start());
    port = management.actualPort();
    http = new Http();
  }

  @AfterEach
  void stop() {
    await(observability.close());
  }

  @Test
  void liveAnswersUpWhileTheProcessRuns() {
    Http.Response live = http.get(port, "/health/live");
    assertThat(live.status()).isEqualTo(200);
    assertThat(new JsonObject(live.body()).getString("status")).isEqualTo("UP");
  }

  @Test
  void readyIsUpWhenEveryCheckIsUpAndDownAfterShutdownStarts() {
    Http.Response ready = http.get(port, "/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(new JsonObject(ready.body()).getString("status")).isEqualTo("UP");

    management.markShuttingDown();

    Http.Response draining = http.get(port, "/health/ready");
    assertThat(draining.status()).isEqualTo(503);
    assertThat(new JsonObject(draining.body()).getString("status")).isEqualTo("DOWN");
    assertThat(http.get(port, "/health/live").status()).isEqualTo(200);
  }

  @Test
  void readyIsDownWhileAStoreProbeFailsAndShowsNoFailureMessage() {
    storeUp.set(false);
    Http.Response ready = http.get(port, "/health/ready");
    assertThat(ready.status()).isEqualTo(503);
    assertThat(ready.body()).contains("store").doesNotContain("unreachable");
  }

  @Test
  void metricsExposeJvmAndVertxMetricsInPrometheusFormat() {
    http.get(port, "/health/live");
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    Http.Response metrics = http.get(port, "/metrics");
    // The HTTP server records a request once its response has ended: poll rather than sleep.
    while (!metrics.body().contains("vertx_http_server_requests_total") && System.nanoTime() < deadline) {
      metrics = http.get(port, "/metrics");
    }
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("# TYPE jvm_memory_used_bytes gauge")
        .contains("jvm_threads_live_threads")
        .contains("process_uptime_seconds")
        .contains("vertx_http_server_requests_total")
        .doesNotContain("remote=");
  }

  @Test
  void managementPathsAreNotServedOnThePublicServer() {
    Router publicRouter = Router.router(observability.vertx());
    publicRouter.get("/hello").handler(ctx -> ctx.end("hi"));
    HttpServer publicServer = await(observability.vertx().createHttpServer().requestHandler(publicRouter).listen(0));

    assertThat(management.router()).isNotSameAs(publicRouter);
    for (String path : List.of("/health/live", "/health/ready", "/metrics")) {
      assertThat(http.get(publicServer.actualPort(), path).status()).isEqualTo(404);
    }
    assertThat(http.get(port, "/hello").status()).isEqualTo(404);
  }
}
