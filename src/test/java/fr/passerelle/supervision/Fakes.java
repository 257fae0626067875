package fr.passerelle.supervision;

import fr.passerelle.conversation.Conversation;
import fr.passerelle.queue.Flag;
import fr.passerelle.queue.QueueEntry;
import fr.passerelle.queue.QueueStore;
import fr.passerelle.worker.PresenceStore;
import fr.passerelle.worker.WorkerPresence;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/** In-test stores holding fixed data: only the reads the sampler makes are implemented. */
final class Fakes {
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private Fakes() {}

  static QueueEntry entry(String id, List<String> languages, Set<Flag> flags, int waitedSeconds,
      Optional<QueueEntry.Offer> offer) {
    return new QueueEntry(id, "session-" + id, languages, flags, Optional.empty(), "key-" + id, 1,
        NOW.minusSeconds(waitedSeconds), offer);
  }

  static WorkerPresence worker(String id, int capacity, boolean available, int active) {
    return new WorkerPresence(id, "pseudo-" + id, Set.of("fr"), Set.of(), capacity, available, active, NOW, true);
  }

  /** Three visitors (one Romanian speaker also speaking French, one flagged danger and offered) and three workers. */
  static List<QueueEntry> waiting() {
    return List.of(
        entry("entry-a", List.of("ro", "fr"), Set.of(), 120, Optional.empty()),
        entry("entry-b", List.of("fr"), Set.of(Flag.DANGER), 30,
            Optional.of(new QueueEntry.Offer("worker-1", NOW.plusSeconds(20)))),
        entry("entry-c", List.of("fr"), Set.of(Flag.POSSIBLE_MINOR), 10, Optional.empty()));
  }

  static List<WorkerPresence> online() {
    return List.of(worker("worker-1", 3, true, 2), worker("worker-2", 2, false, 1), worker("worker-3", 4, true, 0));
  }

  static final class Queue implements QueueStore {
    final AtomicReference<List<QueueEntry>> entries = new AtomicReference<>(Fakes.waiting());

    @Override
    public Future<List<QueueEntry>> waiting() {
      return Future.succeededFuture(entries.get());
    }

    @Override
    public Future<QueueEntry> enqueue(QueueEntry entry, int maxLength) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Boolean> leave(String sessionId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Optional<QueueEntry>> findBySession(String sessionId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Boolean> updateKey(String sessionId, String visitorKey) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Boolean> offer(String entryId, String workerId, Instant expiresAt, Instant now) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Optional<QueueEntry>> clearOffer(String entryId, String workerId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Conversation> claim(String entryId, String workerId, String conversationId, Instant now) {
      throw new UnsupportedOperationException();
    }
  }

  static final class Presence implements PresenceStore {
    @Override
    public Future<List<WorkerPresence>> online() {
      return Future.succeededFuture(Fakes.online());
    }

    @Override
    public Future<WorkerPresence> online(String workerId, String pseudonym, Set<String> languages,
        Set<String> skills, int capacity, boolean available) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Optional<WorkerPresence>> setAvailable(String workerId, boolean available) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Void> offline(String workerId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Optional<WorkerPresence>> find(String workerId) {
      throw new UnsupportedOperationException();
    }
  }
}
