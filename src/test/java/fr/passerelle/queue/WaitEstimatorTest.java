package fr.passerelle.queue;

import static fr.passerelle.queue.QueueFixtures.T0;
import static fr.passerelle.queue.QueueFixtures.entry;
import static fr.passerelle.queue.QueueFixtures.worker;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import fr.passerelle.worker.WorkerPresence;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WaitEstimatorTest {
  private final WaitEstimator estimator = new WaitEstimator(new Eligibility(Duration.ofMinutes(5)));
  private final Duration tenMinutes = Duration.ofMinutes(10);
  private final java.time.Instant now = T0.plusSeconds(30);

  private WaitEstimator.Estimate estimate(QueueEntry me, List<QueueEntry> waiting, List<WorkerPresence> workers,
      Duration meanHandling, java.time.Instant at) {
    return estimator.estimateAll(waiting, workers, meanHandling, at).get(me.sessionId());
  }

  @Test
  void unknownWhenNoEligibleWorkerIsAvailable() {
    var me = entry("me", 1, List.of("fr"), Set.of());
    var estimate = estimate(me, List.of(me), List.of(), tenMinutes, now);
    assertThat(estimate.position()).isEqualTo(1);
    assertThat(estimate.etaSeconds()).isEmpty();
  }

  @Test
  void zeroWhenAFreeSlotIsWaitingForMe() {
    var me = entry("me", 1, List.of("fr"), Set.of());
    var estimate = estimate(me, List.of(me), List.of(worker("w", Set.of("fr"), Set.of(), 2, 1, T0)),
        tenMinutes, now);
    assertThat(estimate.etaSeconds()).hasValue(0);
  }

  @Test
  void waitGrowsWithVisitorsAheadAndShrinksWithCapacity() {
    var ahead1 = entry("a", 1, List.of("fr"), Set.of());
    var ahead2 = entry("b", 2, List.of("fr"), Set.of());
    var me = entry("me", 3, List.of("fr"), Set.of());
    var full = worker("w", Set.of("fr"), Set.of(), 2, 2, T0);
    var one = estimate(me, List.of(ahead1, ahead2, me), List.of(full), tenMinutes, now);
    // 3 conversations must finish among 2 slots of 10 minutes each: 15 minutes.
    assertThat(one.position()).isEqualTo(3);
    assertThat(one.etaSeconds()).hasValue(900);
    var twoWorkers = estimate(me, List.of(ahead1, ahead2, me),
        List.of(full, worker("v", Set.of("fr"), Set.of(), 2, 2, T0)), tenMinutes, now);
    assertThat(twoWorkers.etaSeconds().getAsLong()).isLessThan(one.etaSeconds().getAsLong());
  }

  @Test
  void visitorsOfAnotherLanguageDoNotCountAhead() {
    var other = entry("x", 1, List.of("zh"), Set.of());
    var me = entry("me", 2, List.of("fr"), Set.of());
    var estimate = estimate(me, List.of(other, me), List.of(worker("w", Set.of("fr"), Set.of(), 1, 1, T0)),
        tenMinutes, now);
    assertThat(estimate.position()).isEqualTo(1);
  }

  @Test
  void aVisitorAheadWithSeveralLanguagesCountsOnceAndOthersNotAtAll() {
    var both = entry("b", 1, List.of("en", "fr"), Set.of());
    var french = entry("f", 2, List.of("fr"), Set.of());
    var romanian = entry("r", 3, List.of("ro"), Set.of());
    var me = entry("me", 4, List.of("fr", "ro"), Set.of());
    var all = estimator.estimateAll(List.of(both, french, romanian, me), List.of(), tenMinutes, now);
    assertThat(all.get("s-me").position()).isEqualTo(4);
    assertThat(all.get("s-r").position()).isEqualTo(1);
    assertThat(all.get("s-f").position()).isEqualTo(2);
  }

  @Test
  void neverPromisesLessThanAMinuteOnceAllSlotsAreTaken() {
    var me = entry("me", 1, List.of("fr"), Set.of());
    var estimate = estimate(me, List.of(me), List.of(worker("w", Set.of("fr"), Set.of(), 20, 20, T0)),
        Duration.ofSeconds(30), now);
    assertThat(estimate.etaSeconds()).hasValue(60);
  }

  @Test
  void handlingTimePriorKeepsFewShortConversationsFromCollapsingTheEstimate() {
    var times = new HandlingTimes(Duration.ofMinutes(15));
    times.record(Duration.ofSeconds(10));
    assertThat(times.mean()).isGreaterThan(Duration.ofMinutes(7));
  }
}
