package fr.passerelle.it;

import fr.passerelle.app.DemoData;
import fr.passerelle.association.DemoAssociations;
import fr.passerelle.app.Passerelle;
import fr.passerelle.client.FrameChannel;
import fr.passerelle.client.Transport;
import fr.passerelle.client.VisitorClient;
import fr.passerelle.client.WorkerClient;
import fr.passerelle.config.ConfigLoader;
import fr.passerelle.config.PasserelleConfig;
import fr.passerelle.testing.MutableClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A real node on port 0 with the demo accounts, for tests that talk to it over HTTP and WebSocket. */
public final class TestNode implements AutoCloseable {
  public static final String PASSWORD = "test-password-long-enough";

  private final Vertx vertx;
  private final Passerelle node;
  private final MutableClock clock;
  private final Transport transport;

  private TestNode(Vertx vertx, Passerelle node, MutableClock clock) {
    this.vertx = vertx;
    this.node = node;
    this.clock = clock;
    this.transport = new Transport(vertx, "127.0.0.1", node.port());
  }

  public static TestNode start(Vertx vertx) {
    return start(vertx, Map.of());
  }

  /** A node configured as an operator would: {@code PASSERELLE_*} settings over the defaults, ports free. */
  public static TestNode start(Vertx vertx, Map<String, String> settings) {
    MutableClock clock = new MutableClock();
    Passerelle node = await(Passerelle.start(vertx, config(settings), registry(), clock));
    if (!node.services().config().demo().enabled()) {
      // The demo accounts include an intake officer of a demo association: the directory must hold it.
      await(new DemoAssociations().seed(node.services().stores().associations(), clock));
    }
    await(DemoData.seed(node.staff(), PASSWORD));
    return new TestNode(vertx, node, clock);
  }

  /**
   * Another node of the same deployment: the same stores as {@code first} (so the same demo accounts), its own
   * servers, clock and token keys.
   */
  public static TestNode beside(TestNode first) {
    MutableClock clock = new MutableClock();
    Passerelle node = await(Passerelle.start(first.vertx, config(Map.of()), first.node.services().stores(),
        registry(), clock));
    return new TestNode(first.vertx, node, clock);
  }

  private static PasserelleConfig config(Map<String, String> settings) {
    Map<String, String> env = new HashMap<>(settings);
    env.put("PASSERELLE_HTTP_HOST", "127.0.0.1");
    env.put("PASSERELLE_HTTP_PORT", "0");
    env.put("PASSERELLE_MANAGEMENT_PORT", "0");
    return ConfigLoader.load(Optional.empty(), env);
  }

  private static PrometheusMeterRegistry registry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits for {@code future} to fail, and returns why; fails the test if it succeeds. */
  public static Throwable failure(Future<?> future) {
    try {
      Object value = future.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + value);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Polls {@code condition} until it holds or the deadline passes; for state that has no event to wait on. */
  public static void eventually(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
    }
  }

  public Passerelle node() {
    return node;
  }

  /** The node's clock: tests move it forward to expire tokens, sessions and retention periods. */
  public MutableClock clock() {
    return clock;
  }

  public int port() {
    return node.port();
  }

  /** One transport for the test's lifetime (Vert.x shuts down a client nothing references). */
  public Transport transport() {
    return transport;
  }

  public Future<FrameChannel> open(String path) {
    return transport.open(path);
  }

  public VisitorClient visitor(String... languages) {
    return await(VisitorClient.start(transport, List.of(languages)));
  }

  /**
   * A demo worker, connected and away: {@code camille} speaks fr and en, has the possible-minor and danger skills
   * and 3 slots; {@code ioana} speaks ro, fr and bg, has the danger skill and 2 slots.
   */
  public WorkerClient worker(String username) {
    return await(WorkerClient.start(transport, username, PASSWORD));
  }

  public String token(String username) {
    return await(WorkerClient.login(transport, username, PASSWORD));
  }

  @Override
  public void close() {
    await(node.stop());
  }
}
