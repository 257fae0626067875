package fr.passerelle.app;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.util.EnumSet;

/** The Prometheus registry with JVM metrics, and the Vert.x instance that reports its own metrics into it. */
public final class Observability {
  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gcMetrics;
  private final Vertx vertx;

  private Observability(PrometheusMeterRegistry registry, JvmGcMetrics gcMetrics, Vertx vertx) {
    this.registry = registry;
    this.gcMetrics = gcMetrics;
    this.vertx = vertx;
  }

  /** Creates the registry, binds the JVM metrics and builds Vert.x on it; call once, first thing in main. */
  public static Observability create() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    JvmGcMetrics gcMetrics = new JvmGcMetrics();
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        // Set explicitly: REMOTE would record client IP addresses and HTTP_PATH could carry ids. LOCAL (our own
        // listening address) and POOL_NAME keep the public and management servers' meters apart.
        .setLabels(EnumSet.of(Label.LOCAL, Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE,
            Label.POOL_NAME, Label.NAMESPACE));
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(metrics))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    return new Observability(registry, gcMetrics, vertx);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** Closes Vert.x, then releases the GC listeners and the registry. */
  public Future<Void> close() {
    return vertx.close().eventually(() -> {
      gcMetrics.close();
      registry.close();
      return Future.succeededFuture();
    });
  }
}
