package fr.passerelle.worker;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which workers are online, available, and how many conversations each has. The active count is maintained by
 * the queue and conversation stores (claim, end, transfer) in the same atomic step.
 */
public interface PresenceStore {

  /** A worker comes online (or updates languages, skills, capacity); keeps the active count. */
  Future<WorkerPresence> online(String workerId, String pseudonym, Set<String> languages,
      Set<String> skills, int capacity, boolean available);

  Future<Optional<WorkerPresence>> setAvailable(String workerId, boolean available);

  /** The worker's last socket closed: no longer offered visitors; their conversations remain theirs. */
  Future<Void> offline(String workerId);

  Future<Optional<WorkerPresence>> find(String workerId);

  /** Every online worker. */
  Future<List<WorkerPresence>> online();
}
