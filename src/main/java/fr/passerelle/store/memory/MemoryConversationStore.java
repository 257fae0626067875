package fr.passerelle.store.memory;

import fr.passerelle.conversation.Consent;
import fr.passerelle.conversation.Conversation;
import fr.passerelle.conversation.ConversationEvents;
import fr.passerelle.conversation.ConversationStore;
import fr.passerelle.conversation.Envelope;
import fr.passerelle.conversation.Party;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.queue.Flag;
import fr.passerelle.queue.QueueEntry;
import fr.passerelle.store.WakeUps;
import fr.passerelle.visitor.VisitorSession;
import fr.passerelle.worker.WorkerPresence;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Conversations and envelopes in memory. Ended conversations stay readable and ackable until purged, but take no
 * new envelopes, flags or keys; sequence numbers start at 1; envelope ids are remembered for the conversation's
 * lifetime, so a resend is recognised even after the original was acked.
 */
final class MemoryConversationStore implements ConversationStore {

  private final MemoryState state;
  private final WakeUps wakeUps;

  MemoryConversationStore(MemoryState state, WakeUps wakeUps) {
    this.state = state;
    this.wakeUps = wakeUps;
  }

  @Override
  public Future<Optional<Conversation>> find(String id) {
    return state.atomically(() -> Optional.ofNullable(state.conversations.get(id)));
  }

  /** Oldest first. */
  @Override
  public Future<List<Conversation>> activeFor(String workerId) {
    return state.atomically(() -> state.conversations.values().stream()
        .filter(c -> c.active() && c.workerId().equals(workerId))
        .sorted(Comparator.comparing(Conversation::startedAt).thenComparing(Conversation::id))
        .toList());
  }

  /** Publishes {@code {"type":"envelope","seq":n,"from":"visitor"|"worker"}} on the conversation's channel. */
  @Override
  public Future<Appended> append(String conversationId, Party from, String envelopeId, String header, String body,
      Instant now) {
    return state.atomically(() -> {
      state.requireActive(conversationId);
      ConversationLog log = state.logs.get(conversationId);
      Optional<Envelope> original = log.original(from, envelopeId, header, body);
      if (original.isPresent()) {
        return new Appended(original.get(), true);
      }
      Envelope stored = log.add(from, envelopeId, header, body, now);
      // Under the lock, so wake-ups leave in sequence order, as the Redis script's PUBLISH would.
      wakeUps.publish(WakeUps.conversation(conversationId),
          new JsonObject().put("type", "envelope").put("seq", stored.seq()).put("from", from.wire()));
      return new Appended(stored, false);
    });
  }

  @Override
  public Future<List<Envelope>> after(String conversationId, Party to, long after) {
    return state.atomically(() -> {
      state.requireConversation(conversationId);
      return state.logs.get(conversationId).after(to, after);
    });
  }

  @Override
  public Future<Void> ack(String conversationId, Party by, long seq) {
    return state.atomically(() -> {
      state.requireConversation(conversationId);
      state.logs.get(conversationId).ack(by, seq);
      return null;
    });
  }

  @Override
  public Future<Conversation> end(String id, Instant now) {
    return state.atomically(() -> state.endConversation(state.requireActive(id), now));
  }

  /**
   * Fails {@code INVALID_FIELD} for a transfer to the current worker, {@code WORKER_UNAVAILABLE} if the target is
   * offline or unavailable, {@code AT_CAPACITY} if the target has no free slot. The visitor key is carried over.
   */
  @Override
  public Future<Conversation> transfer(String id, String toWorkerId, String newConversationId, Instant now) {
    return state.atomically(() -> {
      Conversation old = state.requireActive(id);
      if (old.workerId().equals(toWorkerId)) {
        throw MemoryState.fail(ErrorCode.INVALID_FIELD, "Cannot transfer to the current worker.");
      }
      WorkerPresence target = state.presence.get(toWorkerId);
      if (target == null || !target.available()) {
        throw MemoryState.fail(ErrorCode.WORKER_UNAVAILABLE, "That colleague is not available.");
      }
      if (target.free() == 0) {
        throw MemoryState.fail(ErrorCode.AT_CAPACITY, "That colleague has no free slot.");
      }
      if (state.conversations.containsKey(newConversationId)) {
        throw MemoryState.fail(ErrorCode.CONFLICT, "Conversation id already in use.");
      }
      state.endConversation(old, now);
      return state.startConversation(newConversationId, old.sessionId(), toWorkerId, old.languages(), old.flags(),
          old.order(), old.visitorKey(), now);
    });
  }

  /** Fails {@code NOT_FOUND} if the visitor's session is gone. The queue length limit does not apply. */
  @Override
  public Future<QueueEntry> requeue(String id, String newEntryId, Instant now) {
    return state.atomically(() -> {
      Conversation conversation = state.requireActive(id);
      if (!state.sessions.containsKey(conversation.sessionId())) {
        throw MemoryState.fail(ErrorCode.NOT_FOUND, "No such session.");
      }
      if (state.entries.containsKey(newEntryId)) {
        throw MemoryState.fail(ErrorCode.CONFLICT, "Queue entry id already in use.");
      }
      state.endConversation(conversation, now);
      return state.putEntry(new QueueEntry(newEntryId, conversation.sessionId(), conversation.languages(),
          conversation.flags(), Optional.empty(), conversation.visitorKey(), conversation.order(), now,
          Optional.empty()));
    });
  }

  /** Active conversations only. */
  @Override
  public Future<Conversation> flag(String id, Flag flag) {
    return state.atomically(() -> {
      Conversation c = state.requireActive(id);
      Set<Flag> flags = EnumSet.of(flag);
      flags.addAll(c.flags());
      return put(new Conversation(c.id(), c.sessionId(), c.workerId(), c.languages(), Set.copyOf(flags), c.order(),
          c.visitorKey(), c.startedAt(), c.endedAt()));
    });
  }

  @Override
  public Future<Consent> recordConsent(String conversationId, Consent consent) {
    return state.atomically(() -> {
      state.requireActive(conversationId);
      if (!state.logs.get(conversationId).consent(consent)) {
        throw MemoryState.fail(ErrorCode.CONFLICT,
            "A conversation holds answers to at most " + Consent.MAX_PER_CONVERSATION + " requests.");
      }
      return consent;
    });
  }

  @Override
  public Future<Optional<Consent>> consent(String conversationId, String request) {
    return state.atomically(() -> Optional.ofNullable(state.logs.get(conversationId))
        .flatMap(log -> log.consent(request)));
  }

  /** Active conversations only. */
  @Override
  public Future<Conversation> updateVisitorKey(String id, String visitorKey) {
    return state.atomically(() -> {
      Conversation c = state.requireActive(id);
      return put(new Conversation(c.id(), c.sessionId(), c.workerId(), c.languages(), c.flags(), c.order(),
          visitorKey, c.startedAt(), c.endedAt()));
    });
  }

  /**
   * Counts each deleted envelope, conversation, session and queue entry. Envelopes go by {@code storedAt} before
   * {@code envelopesBefore}, conversations by {@code endedAt} before {@code endedBefore}; sessions expired at
   * {@code now} go with their queue entry, and their active conversation is ended (kept until its own purge).
   */
  @Override
  public Future<Integer> purge(Instant now, Instant envelopesBefore, Instant endedBefore,
      Consumer<VisitorSession> timedOut) {
    MemoryPurge pass = new MemoryPurge(state);
    return state.atomically(() -> pass.run(now, envelopesBefore, endedBefore)).onSuccess(n -> {
      pass.ended().forEach(id -> wakeUps.publish(WakeUps.conversation(id), ConversationEvents.visitorLeft()));
      pass.timedOut().forEach(timedOut);
    });
  }

  private Conversation put(Conversation conversation) {
    state.conversations.put(conversation.id(), conversation);
    return conversation;
  }
}
