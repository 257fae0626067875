package fr.passerelle.supervision;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One periodic sample shared by every connected supervisor: the timer runs while someone listens and stops with
 * the last listener, so ten dashboards cost one store read a second, not ten.
 */
final class LoadBroadcaster {
  private final Vertx vertx;
  private final LoadSampler sampler;
  private final Duration period;
  private final Set<Consumer<LoadSnapshot>> listeners = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean sampling = new AtomicBoolean();
  private long timerId = -1;

  LoadBroadcaster(Vertx vertx, LoadSampler sampler, Duration period) {
    this.vertx = vertx;
    this.sampler = sampler;
    this.period = period;
  }

  /** Adds a listener, sends it a fresh sample at once, and returns how to remove it. */
  synchronized Runnable subscribe(Consumer<LoadSnapshot> listener) {
    listeners.add(listener);
    if (timerId < 0) {
      timerId = vertx.setPeriodic(period.toMillis(), id -> tick());
    }
    sampler.sample().onSuccess(snapshot -> {
      if (listeners.contains(listener)) {
        listener.accept(snapshot);
      }
    });
    return () -> unsubscribe(listener);
  }

  private synchronized void unsubscribe(Consumer<LoadSnapshot> listener) {
    listeners.remove(listener);
    if (listeners.isEmpty() && timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
  }

  /** A slow store must not pile samples up: a tick is skipped while the previous one is still running. */
  private void tick() {
    if (!sampling.compareAndSet(false, true)) {
      return;
    }
    Future<LoadSnapshot> sample = sampler.sample();
    sample.onSuccess(snapshot -> listeners.forEach(listener -> listener.accept(snapshot)))
        .onComplete(done -> sampling.set(false));
  }

  int listeners() {
    return listeners.size();
  }

  synchronized boolean running() {
    return timerId >= 0;
  }
}
