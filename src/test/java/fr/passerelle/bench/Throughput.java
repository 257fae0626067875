package fr.passerelle.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Pairs in parallel: each visitor sends {@code perPair} envelopes, keeping at most {@code window} without a
 * {@code stored} reply; each worker acknowledges every envelope it receives. Records the delivery latency (send to
 * arrival at the worker, in microseconds) and checks each conversation arrives exactly once and in order.
 */
final class Throughput {
  /** What a run delivered: envelopes, nanoseconds from the first send to the last arrival, and latencies. */
  record Result(long delivered, long nanos, ConcurrentHistogram micros) {
    double perSecond() {
      return delivered * 1e9 / nanos;
    }
  }

  private final List<BenchNode.Pair> pairs;
  private final int perPair;
  private final int window;
  private final String body;
  private final ConcurrentHistogram micros = new ConcurrentHistogram(60_000_000L, 3);
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicInteger pairsDone = new AtomicInteger();
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong lastArrival = new AtomicLong(Long.MIN_VALUE);
  private final Promise<Result> done = Promise.promise();
  private long start;

  Throughput(List<BenchNode.Pair> pairs, int perPair, int window, String body) {
    this.pairs = pairs;
    this.perPair = perPair;
    this.window = window;
    this.body = body;
  }

  Future<Result> run() {
    Map<BenchSocket, Map<String, Receiver>> byWorker = new HashMap<>();
    for (BenchNode.Pair p : pairs) {
      byWorker.computeIfAbsent(p.worker(), w -> new HashMap<>()).put(p.conversation(), new Receiver(p));
    }
    byWorker.forEach((worker, receivers) -> worker.onFrame(frame -> {
      if (!failed(frame) && "envelope".equals(frame.getString("type"))) {
        receivers.get(frame.getString("conversation")).receive(frame);
      }
    }));
    List<Sender> senders = pairs.stream().map(Sender::new).toList();
    senders.forEach(s -> s.pair.visitor().onFrame(s::atVisitor));
    start = System.nanoTime();
    senders.forEach(Sender::fill);
    return done.future();
  }

  /** Done once every envelope arrived and every {@code stored} came back, so a next run starts clean. */
  private void finishIfDone() {
    if (pairsDone.get() == pairs.size() && stored.get() == (long) perPair * pairs.size()) {
      done.tryComplete(new Result(delivered.get(), lastArrival.get() - start, micros));
    }
  }

  private boolean failed(JsonObject frame) {
    if ("error".equals(frame.getString("type"))) {
      done.tryFail(new AssertionError("error frame: " + frame.encode()));
      return true;
    }
    return false;
  }

  /** The visitor side: keeps the window full, on the visitor socket's event loop (and once from the caller). */
  private final class Sender {
    private final BenchNode.Pair pair;
    private int next;
    private int inFlight;

    Sender(BenchNode.Pair pair) {
      this.pair = pair;
    }

    synchronized void fill() {
      while (inFlight < window && next < perPair) {
        pair.visitor().send(new JsonObject().put("type", "send").put("conversation", pair.conversation())
            .put("id", "v" + next + "-" + System.nanoTime()).put("body", body));
        next++;
        inFlight++;
      }
    }

    synchronized void atVisitor(JsonObject frame) {
      if (failed(frame) || !"stored".equals(frame.getString("type"))) {
        return;
      }
      if (frame.getBoolean("duplicate")) {
        done.tryFail(new AssertionError("stored as a duplicate: " + frame.encode()));
      }
      inFlight--;
      fill();
      if (stored.incrementAndGet() == (long) perPair * pairs.size()) {
        finishIfDone();
      }
    }
  }

  /** The worker side of one conversation, on the worker socket's event loop. */
  private final class Receiver {
    private final BenchNode.Pair pair;
    private int expected;
    private long lastSeq;

    Receiver(BenchNode.Pair pair) {
      this.pair = pair;
    }

    void receive(JsonObject envelope) {
      long now = System.nanoTime();
      String id = envelope.getString("id");
      int dash = id.indexOf('-');
      int index = Integer.parseInt(id.substring(1, dash));
      long seq = envelope.getLong("seq");
      if (index != expected || seq <= lastSeq) {
        done.tryFail(new AssertionError(pair.conversation() + ": expected v" + expected + " after seq " + lastSeq
            + ", got " + id + " seq " + seq));
        return;
      }
      micros.recordValue(Math.min((now - Long.parseLong(id.substring(dash + 1))) / 1000,
          micros.getHighestTrackableValue()));
      expected++;
      lastSeq = seq;
      pair.worker().send(new JsonObject().put("type", "ack").put("conversation", pair.conversation())
          .put("seq", seq));
      delivered.incrementAndGet();
      if (expected == perPair) {
        lastArrival.accumulateAndGet(now, Math::max); // before counting the pair, so finishIfDone sees it
        if (pairsDone.incrementAndGet() == pairs.size()) {
          finishIfDone();
        }
      }
    }
  }
}
