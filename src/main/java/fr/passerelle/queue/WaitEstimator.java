package fr.passerelle.queue;

import fr.passerelle.worker.WorkerPresence;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Position and estimated wait of queued visitors. The position counts the visitors ahead who compete for the
 * same workers (sharing a language); the wait assumes the eligible available workers free a slot every
 * {@code meanHandling / capacity} on average. With no eligible worker available the wait is unknown, never a guess.
 */
public record WaitEstimator(Eligibility eligibility) {

  /** A visitor's place: 1 for the next one served, and the estimated wait in seconds if it can be known. */
  public record Estimate(int position, OptionalLong etaSeconds) {}

  /**
   * Every waiting visitor's estimate, by session id, in one pass over the queue: visitors ahead are counted per
   * distinct set of languages seen so far, so the cost grows with the queue, not with its square.
   */
  public Map<String, Estimate> estimateAll(List<QueueEntry> waiting, List<WorkerPresence> workers,
      Duration meanHandling, Instant now) {
    Map<Set<String>, Integer> aheadByLanguages = new HashMap<>();
    Map<String, Estimate> estimates = new HashMap<>();
    for (QueueEntry entry : waiting) {
      int ahead = 0;
      for (Map.Entry<Set<String>, Integer> seen : aheadByLanguages.entrySet()) {
        if (!Collections.disjoint(seen.getKey(), entry.languages())) {
          ahead += seen.getValue();
        }
      }
      estimates.put(entry.sessionId(), estimate(entry, ahead, workers, meanHandling, now));
      aheadByLanguages.merge(Set.copyOf(entry.languages()), 1, Integer::sum);
    }
    return estimates;
  }

  private Estimate estimate(QueueEntry entry, int ahead, List<WorkerPresence> workers, Duration meanHandling,
      Instant now) {
    List<WorkerPresence> eligible = workers.stream()
        .filter(w -> w.available() && eligibility.eligible(entry, w, now)).toList();
    int capacity = eligible.stream().mapToInt(WorkerPresence::capacity).sum();
    if (capacity == 0) {
      return new Estimate(ahead + 1, OptionalLong.empty());
    }
    int free = eligible.stream().mapToInt(WorkerPresence::free).sum();
    if (ahead < free) {
      return new Estimate(ahead + 1, OptionalLong.of(0));
    }
    double seconds = (ahead - free + 1) * (double) meanHandling.toSeconds() / capacity;
    long roundedUpToMinute = Math.max(60, (long) Math.ceil(seconds / 60) * 60);
    return new Estimate(ahead + 1, OptionalLong.of(roundedUpToMinute));
  }
}
