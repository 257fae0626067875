package fr.passerelle.store.memory;

import fr.passerelle.conversation.Conversation;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.queue.Flag;
import fr.passerelle.queue.QueueEntry;
import fr.passerelle.service.OpeningHours;
import fr.passerelle.statistics.Campaign;
import fr.passerelle.statistics.CellKey;
import fr.passerelle.statistics.Measure;
import fr.passerelle.visitor.VisitorSession;
import fr.passerelle.worker.WorkerPresence;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * All in-memory data behind one lock, so that an operation spanning several stores (a claim touches the queue,
 * a conversation, a session and a presence) is atomic, as one Redis Lua script would be.
 */
final class MemoryState {

  final Map<String, VisitorSession> sessions = new HashMap<>();
  final Map<String, QueueEntry> entries = new HashMap<>();
  final Map<String, String> entryBySession = new HashMap<>();
  final Map<String, Conversation> conversations = new HashMap<>();
  final Map<String, ConversationLog> logs = new HashMap<>();
  final Map<String, WorkerPresence> presence = new HashMap<>();
  final Map<String, Campaign> campaigns = new TreeMap<>();
  final Map<CellKey, Map<Measure, Long>> cells = new HashMap<>();
  /** The opening hours an admin set; null until then. */
  OpeningHours hours;
  final Clock clock;

  private final ReentrantLock lock = new ReentrantLock();
  private long lastOrder;

  MemoryState(Clock clock) {
    this.clock = clock;
  }

  /** Runs one store operation under the lock; an exception becomes a failed future, never a throw. */
  <T> Future<T> atomically(Supplier<T> operation) {
    lock.lock();
    try {
      return Future.succeededFuture(operation.get());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    } finally {
      lock.unlock();
    }
  }

  static ApiException fail(ErrorCode code, String detail) {
    return new ApiException(code, detail);
  }

  // Everything below is called with the lock held.

  /** Stores a queue entry, giving it the next place in line unless it keeps an earlier one. */
  QueueEntry putEntry(QueueEntry entry) {
    if (entries.containsKey(entry.id())) {
      throw fail(ErrorCode.CONFLICT, "Queue entry id already in use.");
    }
    long order = entry.order() > 0 ? entry.order() : ++lastOrder;
    QueueEntry stored = new QueueEntry(entry.id(), entry.sessionId(), List.copyOf(entry.languages()),
        Set.copyOf(entry.flags()), entry.topic(), entry.visitorKey(), order, entry.enqueuedAt(), Optional.empty());
    entries.put(stored.id(), stored);
    entryBySession.put(stored.sessionId(), stored.id());
    return stored;
  }

  Optional<QueueEntry> entryOfSession(String sessionId) {
    return Optional.ofNullable(entryBySession.get(sessionId)).map(entries::get);
  }

  Optional<QueueEntry> removeEntryOfSession(String sessionId) {
    Optional<QueueEntry> entry = entryOfSession(sessionId);
    entry.ifPresent(this::removeEntry);
    return entry;
  }

  void removeEntry(QueueEntry entry) {
    entries.remove(entry.id());
    entryBySession.remove(entry.sessionId());
  }

  Conversation requireConversation(String id) {
    Conversation conversation = conversations.get(id);
    if (conversation == null) {
      throw fail(ErrorCode.UNKNOWN_CONVERSATION, "No such conversation.");
    }
    return conversation;
  }

  Conversation requireActive(String id) {
    Conversation conversation = requireConversation(id);
    if (!conversation.active()) {
      throw fail(ErrorCode.CONVERSATION_ENDED, "The conversation has ended.");
    }
    return conversation;
  }

  /** Creates an active conversation, links the session to it and counts it in the worker's slots. */
  Conversation startConversation(String id, String sessionId, String workerId, List<String> languages,
      Set<Flag> flags, long order, String visitorKey, Instant now) {
    if (conversations.containsKey(id)) {
      throw fail(ErrorCode.CONFLICT, "Conversation id already in use.");
    }
    Conversation conversation = new Conversation(id, sessionId, workerId, List.copyOf(languages),
        Set.copyOf(flags), order, visitorKey, now, Optional.empty());
    conversations.put(id, conversation);
    logs.put(id, new ConversationLog());
    sessions.computeIfPresent(sessionId, (k, s) -> s.withConversation(Optional.of(id)));
    presence.computeIfPresent(workerId, (k, p) -> p.assigned(now));
    return conversation;
  }

  /** Marks an active conversation ended, unlinks its session and frees its worker's slot. */
  Conversation endConversation(Conversation conversation, Instant now) {
    Conversation ended = new Conversation(conversation.id(), conversation.sessionId(), conversation.workerId(),
        conversation.languages(), conversation.flags(), conversation.order(), conversation.visitorKey(),
        conversation.startedAt(), Optional.of(now));
    conversations.put(ended.id(), ended);
    sessions.computeIfPresent(ended.sessionId(), (k, s) -> s.conversationId().equals(Optional.of(ended.id()))
        ? s.withConversation(Optional.empty()) : s);
    // A worker who left while this conversation was theirs is forgotten with their last conversation.
    presence.computeIfPresent(ended.workerId(), (k, p) -> {
      WorkerPresence released = p.released();
      return released.connected() || released.active() > 0 ? released : null;
    });
    return ended;
  }

  Optional<Conversation> activeOfSession(String sessionId) {
    return conversations.values().stream().filter(c -> c.sessionId().equals(sessionId) && c.active()).findFirst();
  }

  /** Deletes a conversation with its envelopes and dedupe ids; returns how many items went (itself included). */
  int deleteConversation(String id) {
    conversations.remove(id);
    ConversationLog log = logs.remove(id);
    return 1 + (log == null ? 0 : log.size());
  }
}
