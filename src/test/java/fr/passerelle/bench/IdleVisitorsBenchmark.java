package fr.passerelle.bench;

import static fr.passerelle.bench.BenchNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Visitors waiting in the queue, added 500 at a time up to 2,000 (4,000 file descriptors in one process, client
 * and server): time to connect them, heap after GC, CPU while nothing happens, and how long a new visitor waits
 * for their first position. Then one worker: the size of their queue listing and the CPU it adds.
 */
@Tag("benchmark")
@ExtendWith(VertxExtension.class)
class IdleVisitorsBenchmark {
  private static final int STAGE = 500;
  private static final int STAGES = 4;
  private static final int LANES = 50;
  private static final Duration IDLE_WINDOW = Duration.ofSeconds(3);
  // Longer than the other scenarios: each join costs the routing loop O(waiting²) (docs/benchmarks.md).
  private static final Duration LIMIT = Duration.ofMinutes(7);
  private BenchNode node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void waitingVisitors(Vertx vertx) {
    node = BenchNode.start(vertx, Map.of("PASSERELLE_LIMITS_MAX_QUEUE_LENGTH", "5000"));
    long deadline = System.nanoTime() + LIMIT.toNanos();
    long baseline = heapAfterGc();
    List<BenchSocket> visitors = new ArrayList<>(); // referenced so that nothing is collected while open
    for (int stage = 1; stage <= STAGES; stage++) {
      long start = System.nanoTime();
      visitors.addAll(await(connect(STAGE), left(deadline)));
      double connectMs = (System.nanoTime() - start) / 1e6;
      Probe probe = probe(deadline);
      visitors.add(probe.visitor()); // stays connected and waiting
      long heap = heapAfterGc();
      new BenchReport("idle-visitors").put("waiting", visitors.size()).put("added", STAGE + 1)
          .put("connect_ms", connectMs).put("connect_per_visitor_ms", connectMs / STAGE)
          .put("first_position_ms", probe.micros() / 1000.0)
          .put("heap_used_mb", heap / 1048576.0).put("heap_per_visitor_kb", (heap - baseline) / 1024.0
              / visitors.size()).put("idle_cpu_pct", idleCpuPercent()).print();
    }
    assertThat(visitors).hasSize(STAGES * (STAGE + 1));

    BenchSocket worker = node.worker();
    // The listing sent right after `ready` may come before anyone waits for it: becoming available sends another.
    Future<JsonObject> next = worker.next(f -> "queue".equals(f.getString("type"))
        && f.getJsonObject("me").getBoolean("available"));
    worker.send(new JsonObject().put("type", "presence").put("status", "available"));
    JsonObject listing = await(next, left(deadline));
    assertThat(listing.getInteger("waiting")).isEqualTo(visitors.size());
    assertThat(listing.getJsonArray("entries")).hasSize(50);
    new BenchReport("idle-visitors-worker").put("waiting", visitors.size())
        .put("listing_entries", listing.getJsonArray("entries").size())
        .put("listing_kb", listing.encode().length() / 1024.0).put("idle_cpu_pct", idleCpuPercent()).print();
  }

  /** {@code count} new waiting visitors, {@link #LANES} being connected at a time. */
  private Future<List<BenchSocket>> connect(int count) {
    List<BenchSocket> connected = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger left = new AtomicInteger(count);
    return Future.all(IntStream.range(0, LANES).mapToObj(i -> lane(left, connected)).toList())
        .map(all -> connected);
  }

  private Future<Void> lane(AtomicInteger left, List<BenchSocket> connected) {
    if (left.getAndDecrement() <= 0) {
      return Future.succeededFuture();
    }
    return node.waitingVisitor().compose(v -> {
      connected.add(v);
      return lane(left, connected);
    });
  }

  /** A visitor who joined, and the microseconds from their {@code join} to their first position. */
  private record Probe(BenchSocket visitor, long micros) {}

  /**
   * One more visitor joins and waits for their first {@code queue} frame. The routing loop hands each snapshot
   * to the waiting sockets in the order they joined, so this newest one is served last.
   */
  private Probe probe(long deadline) {
    BenchSocket probe = await(node.authenticatedVisitor(), left(deadline));
    Future<JsonObject> position = probe.next(f -> "queue".equals(f.getString("type")));
    long start = System.nanoTime();
    probe.send(BenchNode.join());
    await(position, left(deadline));
    return new Probe(probe, (System.nanoTime() - start) / 1000);
  }

  /** Process CPU over {@link #IDLE_WINDOW} with no client activity, in percent of one core. */
  private static double idleCpuPercent() {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long wall = System.nanoTime();
    LockSupport.parkNanos(IDLE_WINDOW.toNanos()); // the measurement itself: a window in which nothing is sent
    return 100.0 * (os.getProcessCpuTime() - cpu) / (System.nanoTime() - wall);
  }

  /** Rough: heap in use after asking for a full GC twice. */
  private static long heapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static Duration left(long deadline) {
    return Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
  }
}
