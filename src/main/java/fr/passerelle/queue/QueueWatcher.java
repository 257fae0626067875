package fr.passerelle.queue;

import fr.passerelle.config.RoutingConfig;
import fr.passerelle.protocol.ServerFrames;
import fr.passerelle.store.Stores;
import fr.passerelle.store.WakeUps;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import fr.passerelle.worker.WorkerPresence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's routing loop. On every queue change, and once a second, it reads the queue once, withdraws
 * expired offers, makes new push offers, and hands the snapshot to the local sockets that show positions and
 * listings. Refreshes never overlap: changes during a refresh trigger exactly one more.
 */
public final class QueueWatcher {
  private static final Logger LOG = Logger.getLogger(QueueWatcher.class.getName());

  private final Vertx vertx;
  private final Stores stores;
  private final RoutingConfig routing;
  private final MeterRegistry registry;
  private final Clock clock;
  private final OfferDeclines declines;
  private final HandlingTimes handlingTimes;
  private final OfferPlanner planner;
  private final WaitEstimator estimator;
  private final Set<Consumer<QueueSnapshot>> listeners = new CopyOnWriteArraySet<>();
  private Context context;
  private boolean running;
  private boolean again;
  private long timer = -1;
  private WakeUps.Subscription subscription;

  public QueueWatcher(Vertx vertx, Stores stores, RoutingConfig routing, MeterRegistry registry, Clock clock,
      OfferDeclines declines, HandlingTimes handlingTimes) {
    this.vertx = vertx;
    this.stores = stores;
    this.routing = routing;
    this.registry = registry;
    this.clock = clock;
    this.declines = declines;
    this.handlingTimes = handlingTimes;
    this.planner = new OfferPlanner(new Eligibility(routing.languageFallback()));
    this.estimator = new WaitEstimator(new Eligibility(routing.languageFallback()));
  }

  /** Runs the loop on one event-loop context of its own, so refreshes are never concurrent. */
  public Future<Void> start() {
    context = vertx.getOrCreateContext();
    Promise<Void> started = Promise.promise();
    context.runOnContext(v -> {
      timer = vertx.setPeriodic(1000, id -> refreshNow());
      stores.wakeUps().subscribe(WakeUps.QUEUE, event -> refreshNow()).map(s -> {
        subscription = s;
        return (Void) null;
      }).onComplete(started);
    });
    return started.future();
  }

  public Future<Void> stop() {
    vertx.cancelTimer(timer);
    return subscription == null ? Future.succeededFuture() : subscription.cancel();
  }

  public void listen(Consumer<QueueSnapshot> listener) {
    listeners.add(listener);
  }

  public void unlisten(Consumer<QueueSnapshot> listener) {
    listeners.remove(listener);
  }

  /** Schedules a refresh now (or right after the one running); callable from any thread. */
  public void refresh() {
    context.runOnContext(v -> refreshNow());
  }

  private void refreshNow() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    Instant now = clock.instant();
    Future.all(stores.queue().waiting(), stores.presence().online())
        .compose(all -> route(snapshot(all.resultAt(0), all.resultAt(1), now)))
        .onFailure(e -> LOG.log(Level.WARNING, "queue refresh failed: {0}", e.getClass().getName()))
        .onComplete(done -> {
          running = false;
          if (again) {
            again = false;
            refreshNow();
          }
        });
  }

  private QueueSnapshot snapshot(List<QueueEntry> waiting, List<WorkerPresence> workers, Instant now) {
    Duration mean = handlingTimes.mean();
    return new QueueSnapshot(waiting, workers, mean, now, estimator.estimateAll(waiting, workers, mean, now));
  }

  private Future<Void> route(QueueSnapshot snapshot) {
    Future<Void> work = Future.succeededFuture();
    for (QueueEntry entry : snapshot.waiting()) {
      entry.offer().filter(o -> !o.expiresAt().isAfter(snapshot.now()))
          .ifPresent(o -> expire(entry, o.workerId()));
    }
    if (routing.mode().pushes()) {
      for (OfferPlanner.Planned p : planner.plan(snapshot.waiting(), snapshot.workers(), snapshot.now(),
          declines::recent)) {
        Instant expires = snapshot.now().plus(routing.offerTimeout());
        work = work.compose(v -> stores.queue().offer(p.entry().id(), p.worker().workerId(), expires, snapshot.now())
            .map(made -> {
              if (made) {
                QueueMetrics.offers(registry, QueueMetrics.OUTCOME_MADE).increment();
                boolean languageMatch = Eligibility.languageMatch(p.entry(), p.worker());
                stores.wakeUps().publish(WakeUps.worker(p.worker().workerId()),
                    ServerFrames.entry(p.entry(), snapshot.now(), true, languageMatch)
                        .put("type", "offer").put("expiresInSeconds", routing.offerTimeout().toSeconds()));
              }
              return null;
            }));
      }
    }
    return work.onComplete(v -> listeners.forEach(l -> l.accept(snapshot)));
  }

  private void expire(QueueEntry entry, String workerId) {
    stores.queue().clearOffer(entry.id(), workerId).onSuccess(cleared -> cleared.ifPresent(e -> {
      declines.record(entry.id(), workerId);
      QueueMetrics.offers(registry, QueueMetrics.OUTCOME_TIMEOUT).increment();
      stores.wakeUps().publish(WakeUps.worker(workerId), new JsonObject().put("type", "offer-withdrawn")
          .put("entry", entry.id()).put("reason", "timeout"));
      stores.wakeUps().publish(WakeUps.QUEUE, new JsonObject().put("type", "changed"));
    }));
  }
}
