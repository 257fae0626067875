package fr.passerelle.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * One pair, one envelope in flight: the visitor sends, the worker acknowledges and echoes it, the visitor
 * receives the echo and acknowledges it. Each round trip after the warm-up is recorded in microseconds.
 */
final class RoundTrips {
  private final BenchNode.Pair pair;
  private final String body;
  private final String run; // ids must be new in each run: a known id is answered as a duplicate, not relayed
  private final int warmUp;
  private final int total;
  private final Histogram micros = new Histogram(60_000_000L, 3);
  private final Promise<Histogram> done = Promise.promise();
  private final AtomicLong sentAt = new AtomicLong();
  private int next; // only touched on the visitor socket's event loop once started

  RoundTrips(BenchNode.Pair pair, String run, String body, int warmUp, int measured) {
    this.pair = pair;
    this.run = run;
    this.body = body;
    this.warmUp = warmUp;
    this.total = warmUp + measured;
  }

  /** Completes with the histogram once every echo came back, once and in order. */
  Future<Histogram> run() {
    pair.worker().onFrame(this::atWorker);
    pair.visitor().onFrame(this::atVisitor);
    sendNext();
    return done.future();
  }

  private void sendNext() {
    sentAt.set(System.nanoTime());
    pair.visitor().send(new JsonObject().put("type", "send").put("conversation", pair.conversation())
        .put("id", "v" + run + "-" + next).put("body", body));
  }

  private void atWorker(JsonObject frame) {
    if (fail(frame) || !"envelope".equals(frame.getString("type"))) {
      return;
    }
    pair.worker().send(new JsonObject().put("type", "ack").put("conversation", pair.conversation())
        .put("seq", frame.getLong("seq")));
    pair.worker().send(new JsonObject().put("type", "send").put("conversation", pair.conversation())
        .put("id", "w" + frame.getString("id").substring(1)).put("body", frame.getString("body")));
  }

  private void atVisitor(JsonObject frame) {
    if (fail(frame) || !"envelope".equals(frame.getString("type"))) {
      return;
    }
    long elapsed = System.nanoTime() - sentAt.get();
    if (!("w" + run + "-" + next).equals(frame.getString("id")) || !body.equals(frame.getString("body"))) {
      done.tryFail(new AssertionError("expected echo w" + run + "-" + next + ", got " + frame.getString("id")));
      return;
    }
    pair.visitor().send(new JsonObject().put("type", "ack").put("conversation", pair.conversation())
        .put("seq", frame.getLong("seq")));
    if (next >= warmUp) {
      micros.recordValue(Math.min(elapsed / 1000, micros.getHighestTrackableValue()));
    }
    next++;
    if (next < total) {
      sendNext();
    } else {
      done.tryComplete(micros);
    }
  }

  private boolean fail(JsonObject frame) {
    if ("error".equals(frame.getString("type"))) {
      done.tryFail(new AssertionError("error frame: " + frame.encode()));
      return true;
    }
    return false;
  }
}
