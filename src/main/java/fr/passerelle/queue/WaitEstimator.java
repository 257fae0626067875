package fr.passerelle.queue;

import fr.passerelle.worker.WorkerPresence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Position and estimated wait of a queued visitor. The position counts the visitors ahead who compete for the
 * same workers (sharing a language); the wait assumes the eligible available workers free a slot every
 * {@code meanHandling / capacity} on average. With no eligible worker available the wait is unknown, never a guess.
 */
public record WaitEstimator(Eligibility eligibility) {

  /** A visitor's place: 1 for the next one served, and the estimated wait in seconds if it can be known. */
  public record Estimate(int position, OptionalLong etaSeconds) {}

  public Estimate estimate(QueueEntry entry, List<QueueEntry> waiting, List<WorkerPresence> workers,
      Duration meanHandling, Instant now) {
    int ahead = 0;
    for (QueueEntry other : waiting) {
      if (other.id().equals(entry.id())) {
        break;
      }
      if (other.languages().stream().anyMatch(entry.languages()::contains)) {
        ahead++;
      }
    }
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
