package fr.passerelle.queue;

import fr.passerelle.config.LimitsConfig;
import fr.passerelle.config.RoutingConfig;
import fr.passerelle.conversation.Conversation;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.statistics.Measure;
import fr.passerelle.statistics.Tally;
import fr.passerelle.store.Ids;
import fr.passerelle.store.Stores;
import fr.passerelle.store.WakeUps;
import fr.passerelle.visitor.VisitorSession;
import fr.passerelle.worker.WorkerPresence;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What visitors and workers do with the queue: join, leave, accept, decline. Publishes every change. */
public final class QueueService {
  private final Stores stores;
  private final RoutingConfig routing;
  private final LimitsConfig limits;
  private final MeterRegistry registry;
  private final Clock clock;
  private final OfferDeclines declines;
  private final Eligibility eligibility;
  private final Tally tally;

  public QueueService(Stores stores, RoutingConfig routing, LimitsConfig limits, MeterRegistry registry,
      Clock clock, OfferDeclines declines, Tally tally) {
    this.tally = tally;
    this.stores = stores;
    this.routing = routing;
    this.limits = limits;
    this.registry = registry;
    this.clock = clock;
    this.declines = declines;
    this.eligibility = new Eligibility(routing.languageFallback());
  }

  public Future<QueueEntry> join(VisitorSession session, List<String> languages, String publicKey,
      Optional<String> topic) {
    Instant now = clock.instant();
    QueueEntry entry = new QueueEntry(Ids.newId(), session.id(), languages, Set.of(), topic, publicKey,
        0, now, Optional.empty());
    return stores.queue().enqueue(entry, limits.maxQueueLength()).onSuccess(e -> {
      QueueMetrics.joined(registry, e.languages().get(0)).increment();
      tally.count(Measure.QUEUE_JOINED, session);
      changed();
    });
  }

  /** The visitor leaves the queue; counted as abandonment with the given reason if they were waiting. */
  public Future<Boolean> leave(VisitorSession session, String reason) {
    return stores.queue().leave(session.id()).onSuccess(left -> {
      if (left) {
        abandoned(session, reason);
        changed();
      }
    });
  }

  /** Counts a visitor who left the queue before a worker took them: {@code left}, {@code erased} or {@code timeout}. */
  public void abandoned(VisitorSession session, String reason) {
    QueueMetrics.abandoned(registry, reason).increment();
    tally.count(Measure.ABANDONED, session);
  }

  public Future<Conversation> accept(String workerId, String entryId) {
    Instant now = clock.instant();
    return stores.queue().waiting()
        .map(all -> all.stream().filter(e -> e.id().equals(entryId)).findFirst()
            .orElseThrow(() -> ApiException.of(ErrorCode.UNKNOWN_ENTRY)))
        .compose(entry -> stores.presence().find(workerId).map(w -> {
          checkMayAccept(entry, w, workerId, now);
          return entry;
        }))
        .compose(entry -> stores.queue().claim(entryId, workerId, Ids.newId(), now).onSuccess(c -> {
          Duration waited = Duration.between(entry.enqueuedAt(), now);
          QueueMetrics.waited(registry).record(waited);
          if (entry.offer().isPresent()) {
            QueueMetrics.offers(registry, QueueMetrics.OUTCOME_ACCEPTED).increment();
          }
          stores.wakeUps().publish(WakeUps.session(c.sessionId()), assigned(c));
          tally.count(Measure.CONVERSATIONS, c);
          changed();
        }));
  }

  private void checkMayAccept(QueueEntry entry, Optional<WorkerPresence> worker, String workerId, Instant now) {
    boolean offeredToMe = entry.offeredAt(now) && entry.offer().get().workerId().equals(workerId);
    if (!routing.mode().pulls() && !offeredToMe) {
      throw new ApiException(ErrorCode.FORBIDDEN, "in push mode a worker accepts only the visitors offered to them");
    }
    if (worker.isEmpty() || !eligibility.eligible(entry, worker.get(), now)) {
      throw ApiException.of(ErrorCode.NOT_ELIGIBLE);
    }
  }

  /** Declines an offer made to this worker; anything else (no such entry, not offered to them) is unknown. */
  public Future<Void> decline(String workerId, String entryId) {
    Instant now = clock.instant();
    return stores.queue().waiting().compose(all -> all.stream()
        .filter(e -> e.id().equals(entryId) && e.offeredAt(now) && e.offer().get().workerId().equals(workerId))
        .findFirst()
        .map(e -> stores.queue().clearOffer(entryId, workerId))
        .orElseGet(() -> Future.failedFuture(new ApiException(ErrorCode.UNKNOWN_ENTRY, "no offer of that entry"))))
        .map(cleared -> {
          declines.record(entryId, workerId);
          QueueMetrics.offers(registry, QueueMetrics.OUTCOME_DECLINED).increment();
          changed();
          return null;
        });
  }

  public static JsonObject assigned(Conversation c) {
    return new JsonObject().put("type", "assigned").put("conversation", c.id()).put("worker", c.workerId());
  }

  /** Tells every node the queue changed, so positions, listings and offers are recomputed. */
  public void changed() {
    stores.wakeUps().publish(WakeUps.QUEUE, new JsonObject().put("type", "changed"));
  }
}
