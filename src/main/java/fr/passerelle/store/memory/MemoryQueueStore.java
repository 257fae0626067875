package fr.passerelle.store.memory;

import fr.passerelle.conversation.Conversation;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.queue.QueueEntry;
import fr.passerelle.queue.QueueStore;
import fr.passerelle.visitor.VisitorSession;
import fr.passerelle.worker.WorkerPresence;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The waiting queue in memory. Enqueueing needs an existing session ({@code NOT_FOUND} otherwise); a claim checks
 * the offer, then the worker's presence and free slot, and moves the visitor into a conversation in one step.
 */
final class MemoryQueueStore implements QueueStore {

  static final Comparator<QueueEntry> PRIORITY_THEN_ARRIVAL =
      Comparator.comparingInt(QueueEntry::priority).reversed().thenComparingLong(QueueEntry::order);

  private final MemoryState state;

  MemoryQueueStore(MemoryState state) {
    this.state = state;
  }

  @Override
  public Future<QueueEntry> enqueue(QueueEntry entry, int maxLength) {
    return state.atomically(() -> {
      VisitorSession session = state.sessions.get(entry.sessionId());
      if (session == null) {
        throw MemoryState.fail(ErrorCode.NOT_FOUND, "No such session.");
      }
      if (state.entryBySession.containsKey(session.id()) || session.conversationId().isPresent()) {
        throw MemoryState.fail(ErrorCode.ALREADY_QUEUED, "Already waiting or in a conversation.");
      }
      if (state.entries.size() >= maxLength) {
        throw MemoryState.fail(ErrorCode.QUEUE_FULL, "The queue is full.");
      }
      return state.putEntry(entry);
    });
  }

  @Override
  public Future<Boolean> leave(String sessionId) {
    return state.atomically(() -> state.removeEntryOfSession(sessionId).isPresent());
  }

  @Override
  public Future<List<QueueEntry>> waiting() {
    return state.atomically(() -> state.entries.values().stream().sorted(PRIORITY_THEN_ARRIVAL).toList());
  }

  @Override
  public Future<Optional<QueueEntry>> findBySession(String sessionId) {
    return state.atomically(() -> state.entryOfSession(sessionId));
  }

  /** False if the session is not waiting. */
  @Override
  public Future<Boolean> updateKey(String sessionId, String visitorKey) {
    return state.atomically(() -> {
      Optional<QueueEntry> entry = state.entryOfSession(sessionId);
      entry.ifPresent(e -> state.entries.put(e.id(), e.withKey(visitorKey)));
      return entry.isPresent();
    });
  }

  /** Renewing an offer to the same worker, or replacing an expired one, succeeds. */
  @Override
  public Future<Boolean> offer(String entryId, String workerId, Instant expiresAt, Instant now) {
    return state.atomically(() -> {
      QueueEntry entry = state.entries.get(entryId);
      if (entry == null || offeredElsewhere(entry, workerId, now)) {
        return false;
      }
      state.entries.put(entryId, entry.withOffer(Optional.of(new QueueEntry.Offer(workerId, expiresAt))));
      return true;
    });
  }

  /** Returns the entry as it now stands; another worker's offer is left in place. Empty if the entry is gone. */
  @Override
  public Future<Optional<QueueEntry>> clearOffer(String entryId, String workerId) {
    return state.atomically(() -> Optional.ofNullable(state.entries.get(entryId)).map(entry -> {
      if (entry.offer().filter(o -> o.workerId().equals(workerId)).isEmpty()) {
        return entry;
      }
      QueueEntry cleared = entry.withOffer(Optional.empty());
      state.entries.put(entryId, cleared);
      return cleared;
    }));
  }

  /** Also fails {@code CONFLICT} if {@code conversationId} is already in use. */
  @Override
  public Future<Conversation> claim(String entryId, String workerId, String conversationId, Instant now) {
    return state.atomically(() -> {
      QueueEntry entry = state.entries.get(entryId);
      if (entry == null) {
        throw MemoryState.fail(ErrorCode.UNKNOWN_ENTRY, "No such queue entry.");
      }
      if (offeredElsewhere(entry, workerId, now)) {
        throw MemoryState.fail(ErrorCode.OFFERED_ELSEWHERE, "Offered to another worker.");
      }
      WorkerPresence worker = state.presence.get(workerId);
      if (worker == null || worker.active() >= worker.capacity()) {
        throw MemoryState.fail(ErrorCode.AT_CAPACITY, "No free conversation slot.");
      }
      if (state.conversations.containsKey(conversationId)) {
        throw MemoryState.fail(ErrorCode.CONFLICT, "Conversation id already in use.");
      }
      state.removeEntry(entry);
      return state.startConversation(conversationId, entry.sessionId(), workerId, entry.languages(),
          entry.flags(), entry.order(), entry.visitorKey(), now);
    });
  }

  private static boolean offeredElsewhere(QueueEntry entry, String workerId, Instant now) {
    return entry.offeredAt(now) && !entry.offer().get().workerId().equals(workerId);
  }
}
