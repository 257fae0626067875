package fr.passerelle.queue;

import fr.passerelle.worker.WorkerPresence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The queue and the online workers as one node read them, for positions, listings and offers, with every waiting
 * visitor's estimate computed once (by session id).
 */
public record QueueSnapshot(List<QueueEntry> waiting, List<WorkerPresence> workers, Duration meanHandling,
    Instant now, Map<String, WaitEstimator.Estimate> estimates) {

  public Optional<WaitEstimator.Estimate> estimateFor(String sessionId) {
    return Optional.ofNullable(estimates.get(sessionId));
  }
}
