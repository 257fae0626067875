package fr.passerelle.app;

import fr.passerelle.config.HttpConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The management port, apart from the public one: liveness, readiness for the load balancer, Prometheus scrape.
 * Its router is its own, so none of these paths is ever reachable on the public port.
 */
public final class ManagementServer {
  static final long PROBE_TIMEOUT_MS = 2_000;

  private final Vertx vertx;
  private final HttpConfig config;
  private final Router router;
  private final AtomicBoolean shuttingDown = new AtomicBoolean();
  private HttpServer server;

  public ManagementServer(Vertx vertx, HttpConfig config, PrometheusMeterRegistry registry,
      List<ReadinessCheck> readiness) {
    this.vertx = vertx;
    this.config = config;
    this.router = buildRouter(registry, readiness);
  }

  private Router buildRouter(PrometheusMeterRegistry registry, List<ReadinessCheck> readiness) {
    HealthChecks checks = HealthChecks.create(vertx);
    checks.register("shutdown", promise -> promise.complete(shuttingDown.get() ? Status.KO() : Status.OK()));
    readiness.forEach(check -> checks.register(check.name(), PROBE_TIMEOUT_MS * 2, promise -> probe(check, promise)));
    Router r = Router.router(vertx);
    r.get("/health/live").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
    r.get("/health/ready").handler(HealthCheckHandler.createWithHealthChecks(checks));
    r.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
    return r;
  }

  /** A failed or slow probe reports DOWN (503), never an error whose message could reach the response. */
  private static void probe(ReadinessCheck check, Promise<Status> promise) {
    Future<?> result;
    try {
      result = check.probe().get();
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.timeout(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .onComplete(done -> promise.complete(done.succeeded() ? Status.OK() : Status.KO()));
  }

  public Future<HttpServer> start() {
    return vertx.createHttpServer(new HttpServerOptions().setHost(config.managementHost()))
        .requestHandler(router)
        .listen(config.managementPort(), config.managementHost())
        .onSuccess(s -> server = s);
  }

  /** From now on readiness fails, so the load balancer drains this node before it stops. */
  public void markShuttingDown() {
    shuttingDown.set(true);
  }

  public int actualPort() {
    if (server == null) {
      throw new IllegalStateException("Management server not started");
    }
    return server.actualPort();
  }

  public Future<Void> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  Router router() {
    return router;
  }
}
