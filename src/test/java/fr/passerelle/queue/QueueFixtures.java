package fr.passerelle.queue;

import fr.passerelle.worker.WorkerPresence;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Small builders for queue entries and worker presences in routing tests. */
final class QueueFixtures {
  static final Instant T0 = Instant.parse("2026-11-28T20:00:00Z");

  private QueueFixtures() {}

  static QueueEntry entry(String id, long order, List<String> languages, Set<Flag> flags) {
    return new QueueEntry(id, "s-" + id, languages, flags, Optional.empty(), "key", order, T0.plusSeconds(order),
        Optional.empty());
  }

  static WorkerPresence worker(String id, Set<String> languages, Set<String> skills, int capacity, int active,
      Instant lastAssigned) {
    return new WorkerPresence(id, "p-" + id, languages, skills, capacity, true, active, lastAssigned, true);
  }
}
