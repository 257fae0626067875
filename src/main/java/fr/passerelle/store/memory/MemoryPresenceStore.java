package fr.passerelle.store.memory;

import fr.passerelle.http.ErrorCode;
import fr.passerelle.worker.PresenceStore;
import fr.passerelle.worker.WorkerPresence;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Worker presence in memory. A worker first seen has never been assigned ({@code lastAssignedAt} is the epoch); a
 * worker going offline with conversations still open stays listed, disconnected and unavailable, so slot counts
 * stay right, and is removed when the last of those conversations ends.
 */
final class MemoryPresenceStore implements PresenceStore {

  private final MemoryState state;

  MemoryPresenceStore(MemoryState state) {
    this.state = state;
  }

  /** Fails {@code INVALID_FIELD} for a negative capacity. */
  @Override
  public Future<WorkerPresence> online(String workerId, String pseudonym, Set<String> languages, Set<String> skills,
      int capacity, boolean available) {
    return state.atomically(() -> {
      if (capacity < 0) {
        throw MemoryState.fail(ErrorCode.INVALID_FIELD, "Capacity cannot be negative.");
      }
      Optional<WorkerPresence> known = Optional.ofNullable(state.presence.get(workerId));
      WorkerPresence presence = new WorkerPresence(workerId, pseudonym, Set.copyOf(languages), Set.copyOf(skills),
          capacity, available, known.map(WorkerPresence::active).orElse(0),
          known.map(WorkerPresence::lastAssignedAt).orElse(Instant.EPOCH), true);
      state.presence.put(workerId, presence);
      return presence;
    });
  }

  /** Empty if the worker is not online. */
  @Override
  public Future<Optional<WorkerPresence>> setAvailable(String workerId, boolean available) {
    return state.atomically(() -> Optional.ofNullable(state.presence.computeIfPresent(workerId,
        (k, p) -> p.withAvailable(available))));
  }

  @Override
  public Future<Void> offline(String workerId) {
    return state.atomically(() -> {
      WorkerPresence p = state.presence.get(workerId);
      if (p != null && p.active() == 0) {
        state.presence.remove(workerId);
      } else if (p != null) {
        state.presence.put(workerId, p.disconnected());
      }
      return null;
    });
  }

  @Override
  public Future<Optional<WorkerPresence>> find(String workerId) {
    return state.atomically(() -> Optional.ofNullable(state.presence.get(workerId)));
  }

  /** Sorted by worker id, so listings are stable. */
  @Override
  public Future<List<WorkerPresence>> online() {
    return state.atomically(() -> state.presence.values().stream()
        .sorted(Comparator.comparing(WorkerPresence::workerId)).toList());
  }
}
