package fr.passerelle.bench;

import static fr.passerelle.bench.BenchNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.conversation.Party;
import fr.passerelle.it.TestNode;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Relay benchmarks on one in-process node: round-trip latency and throughput of pairs in parallel (see
 * docs/benchmarks.md; idle visitors are in {@link IdleVisitorsBenchmark}). They print {@code BENCH} lines and
 * assert only that every message arrived exactly once and in order: timing goals belong here, never in tests.
 */
@Tag("benchmark")
@ExtendWith(VertxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RelayBenchmark {
  static final Duration SCENARIO_LIMIT = Duration.ofMinutes(3);
  private static final int WARM_UP = 500;
  private static final int ROUND_TRIPS = 2_000;
  private static final int WINDOW = 32;
  private BenchNode node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  /** {@code length} characters of base64 text (the server never decodes it). */
  static String base64(int length) {
    return "QUJD".repeat(length / 4 + 1).substring(0, length);
  }

  @Test
  @Order(1)
  void roundTripLatency(Vertx vertx) {
    node = BenchNode.start(vertx, Map.of());
    BenchNode.Pair pair = node.pairs(1).get(0);
    for (int size : List.of(256, 4096)) {
      long start = System.nanoTime();
      Histogram micros = await(new RoundTrips(pair, "s" + size, base64(size), WARM_UP, ROUND_TRIPS).run(), SCENARIO_LIMIT);
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(micros.getTotalCount()).isEqualTo(ROUND_TRIPS);
      new BenchReport("round-trip").put("body_chars", size).put("warm_up", WARM_UP).latency("rtt", micros)
          .put("round_trips_per_s", (WARM_UP + ROUND_TRIPS) / seconds).print();
    }
  }

  @Test
  @Order(2)
  void throughputOf20Pairs(Vertx vertx) {
    throughput(vertx, 20, 10_000);
  }

  @Test
  @Order(3)
  void throughputOf100Pairs(Vertx vertx) {
    throughput(vertx, 100, 2_000);
  }

  private void throughput(Vertx vertx, int pairCount, int perPair) {
    node = BenchNode.start(vertx, Map.of());
    long setUp = System.nanoTime();
    List<BenchNode.Pair> pairs = node.pairs(pairCount);
    double setUpMs = (System.nanoTime() - setUp) / 1e6;
    // A short untimed run first, so the JIT has seen the relay path before the measured one.
    await(new Throughput(pairs, 50, WINDOW, base64(256)).run(), SCENARIO_LIMIT);
    Throughput.Result result = await(new Throughput(pairs, perPair, WINDOW, base64(256)).run(), SCENARIO_LIMIT);
    assertThat(result.delivered()).isEqualTo((long) pairCount * perPair);
    var stored = node.node().node().services().stores().conversations();
    for (BenchNode.Pair p : pairs) {
      // Acks have no reply: the last ones may still be on their way.
      TestNode.eventually(() -> await(stored.after(p.conversation(), Party.WORKER, 0), Duration.ofSeconds(10))
          .isEmpty());
    }
    new BenchReport("throughput").put("pairs", pairCount).put("per_pair", perPair).put("window", WINDOW)
        .put("body_chars", 256).put("set_up_ms", setUpMs).put("delivered", result.delivered())
        .put("seconds", result.nanos() / 1e9).put("envelopes_per_s", result.perSecond())
        .latency("delivery", result.micros()).print();
  }
}
