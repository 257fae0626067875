package fr.passerelle.queue;

import fr.passerelle.worker.WorkerPresence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Push routing: for each waiting visitor in queue order, the eligible available worker with a free slot who is
 * least loaded (active plus pending offers over capacity); ties go to whoever was assigned longest ago.
 */
public record OfferPlanner(Eligibility eligibility) {

  /** One offer to make. */
  public record Planned(QueueEntry entry, WorkerPresence worker) {}

  public List<Planned> plan(List<QueueEntry> waiting, List<WorkerPresence> workers, Instant now,
      BiPredicate<String, String> declinedRecently) {
    Map<String, Integer> pending = new HashMap<>();
    waiting.stream().filter(e -> e.offeredAt(now))
        .forEach(e -> pending.merge(e.offer().orElseThrow().workerId(), 1, Integer::sum));
    List<Planned> planned = new ArrayList<>();
    for (QueueEntry entry : waiting) {
      if (entry.offeredAt(now)) {
        continue;
      }
      Optional<WorkerPresence> best = workers.stream()
          .filter(w -> w.available() && w.free() - pending.getOrDefault(w.workerId(), 0) > 0)
          .filter(w -> eligibility.eligible(entry, w, now))
          .filter(w -> !declinedRecently.test(entry.id(), w.workerId()))
          .min(Comparator.<WorkerPresence>comparingDouble(w -> load(w, pending))
              .thenComparing(WorkerPresence::lastAssignedAt)
              .thenComparing(WorkerPresence::workerId));
      best.ifPresent(w -> {
        pending.merge(w.workerId(), 1, Integer::sum);
        planned.add(new Planned(entry, w));
      });
    }
    return planned;
  }

  private static double load(WorkerPresence w, Map<String, Integer> pending) {
    return (w.active() + pending.getOrDefault(w.workerId(), 0)) / (double) w.capacity();
  }
}
