package fr.passerelle.conversation;

import fr.passerelle.config.LimitsConfig;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.http.RateLimiter;
import fr.passerelle.queue.Flag;
import fr.passerelle.queue.HandlingTimes;
import fr.passerelle.queue.QueueService;
import fr.passerelle.statistics.Measure;
import fr.passerelle.statistics.Tally;
import fr.passerelle.store.Ids;
import fr.passerelle.store.Stores;
import fr.passerelle.store.WakeUps;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Relay and lifecycle of conversations: send, end, transfer, flag. Every change is published on its channel. */
public final class ConversationService {
  private final Stores stores;
  private final MeterRegistry registry;
  private final Clock clock;
  private final RateLimiter envelopeRate;
  private final HandlingTimes handlingTimes;
  private final QueueService queue;
  private final Tally tally;

  public ConversationService(Stores stores, LimitsConfig limits, MeterRegistry registry, Clock clock,
      HandlingTimes handlingTimes, QueueService queue, Tally tally) {
    this.tally = tally;
    this.stores = stores;
    this.registry = registry;
    this.clock = clock;
    this.handlingTimes = handlingTimes;
    this.queue = queue;
    this.envelopeRate = new RateLimiter("envelopes", limits.envelopesPerSecond(), limits.envelopeBurst(), clock);
  }

  /** The conversation if {@code workerId} is its worker; otherwise {@code unknown_conversation}. */
  public Future<Conversation> ownedBy(String conversationId, String workerId) {
    return stores.conversations().find(conversationId).map(c -> c.filter(x -> x.workerId().equals(workerId))
        .orElseThrow(() -> ApiException.of(ErrorCode.UNKNOWN_CONVERSATION)));
  }

  public Future<ConversationStore.Appended> send(String conversationId, Party from, String id, String header,
      String body) {
    try {
      envelopeRate.acquire(rateKey(conversationId, from));
    } catch (ApiException e) {
      return Future.failedFuture(e);
    }
    return stores.conversations().append(conversationId, from, id, header, body, clock.instant()).onSuccess(a -> {
      if (a.duplicate()) {
        registry.counter(RelayMetrics.DUPLICATES).increment();
      } else {
        registry.counter(RelayMetrics.ENVELOPES, "from", from.wire()).increment();
        registry.counter(RelayMetrics.BYTES, "from", from.wire()).increment(a.envelope().size());
      }
    });
  }

  /** Ends the conversation; {@code by} is {@code worker} or {@code visitor}. */
  public Future<Conversation> end(String conversationId, String by) {
    return stores.conversations().end(conversationId, clock.instant()).onSuccess(c -> {
      finished(c, "visitor".equals(by) ? "visitor-left" : "ended");
      publish(c.id(), "visitor".equals(by) ? ConversationEvents.visitorLeft() : ConversationEvents.ended(by));
    });
  }

  /** Hands the visitor to a named colleague (a new conversation) or back to the queue at their original place. */
  public Future<Optional<Conversation>> transfer(Conversation from, Optional<String> toWorker, Optional<String> note) {
    Instant now = clock.instant();
    if (toWorker.isPresent()) {
      return stores.presence().find(toWorker.get())
          .map(w -> w.filter(p -> from.flags().stream().allMatch(f -> p.skills().contains(f.skill())))
              .orElseThrow(() -> new ApiException(ErrorCode.WORKER_UNAVAILABLE,
                  "that colleague is not online or lacks a skill this conversation needs")))
          .compose(w -> stores.conversations().transfer(from.id(), w.workerId(), Ids.newId(), now))
          .map(next -> {
            finished(from, "transferred");
            publish(from.id(), ConversationEvents.transferred("worker", next.id()));
            JsonObject assigned = QueueService.assigned(next).put("transferred", true);
            note.ifPresent(n -> assigned.put("note", n));
            stores.wakeUps().publish(WakeUps.worker(next.workerId()), assigned);
            stores.wakeUps().publish(WakeUps.session(next.sessionId()), QueueService.assigned(next));
            return Optional.of(next);
          });
    }
    return stores.conversations().requeue(from.id(), Ids.newId(), now).map(entry -> {
      finished(from, "requeued");
      publish(from.id(), ConversationEvents.transferred("queue", ""));
      queue.changed();
      return Optional.empty();
    });
  }

  /** Adds a flag; a conversation newly flagged "possible minor" is counted in the statistics. */
  public Future<Conversation> flag(String conversationId, Flag flag) {
    Future<Boolean> hadFlag = stores.conversations().find(conversationId)
        .map(found -> found.filter(c -> c.flags().contains(flag)).isPresent());
    return hadFlag.compose(had -> stores.conversations().flag(conversationId, flag).onSuccess(c -> {
      registry.counter(RelayMetrics.FLAGS, "flag", flag.wire()).increment();
      if (!had && flag == Flag.POSSIBLE_MINOR) {
        tally.count(Measure.POSSIBLE_MINOR, c);
      }
      publish(c.id(), ConversationEvents.flagged(flag.wire()));
    }));
  }

  /** Records the visitor's answer to a referral request and tells the worker's sockets. */
  public Future<Consent> consent(String conversationId, String request, boolean given) {
    return stores.conversations().recordConsent(conversationId, new Consent(request, given, clock.instant()))
        .onSuccess(c -> publish(conversationId, ConversationEvents.consent(request, given)));
  }

  public Future<Conversation> rotateVisitorKey(String conversationId, String key) {
    return stores.conversations().updateVisitorKey(conversationId, key)
        .onSuccess(c -> publish(c.id(), ConversationEvents.visitorKey(key)));
  }

  /** Counts a conversation that ended some way, and feeds its duration to the wait estimate. */
  public void finished(Conversation c, String how) {
    envelopeRate.forget(rateKey(c.id(), Party.VISITOR));
    envelopeRate.forget(rateKey(c.id(), Party.WORKER));
    registry.counter(RelayMetrics.ENDED, "how", how).increment();
    handlingTimes.record(Duration.between(c.startedAt(), clock.instant()));
    queue.changed();
  }

  private static String rateKey(String conversationId, Party from) {
    return conversationId + "/" + from.wire();
  }

  private void publish(String conversationId, JsonObject event) {
    stores.wakeUps().publish(WakeUps.conversation(conversationId), event);
  }
}
