package fr.passerelle.queue;

import static fr.passerelle.queue.QueueFixtures.T0;
import static fr.passerelle.queue.QueueFixtures.entry;
import static fr.passerelle.queue.QueueFixtures.worker;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfferPlannerTest {
  private final OfferPlanner planner = new OfferPlanner(new Eligibility(Duration.ofMinutes(5)));
  private final java.time.Instant now = T0.plusSeconds(60);

  @Test
  void offersToTheLeastLoadedEligibleWorker() {
    var busy = worker("busy", Set.of("fr"), Set.of(), 4, 2, T0);
    var idle = worker("idle", Set.of("fr"), Set.of(), 4, 1, T0);
    var plan = planner.plan(List.of(entry("a", 1, List.of("fr"), Set.of())), List.of(busy, idle), now, (e, w) -> false);
    assertThat(plan).extracting(p -> p.worker().workerId()).containsExactly("idle");
  }

  @Test
  void tieGoesToWhoeverWasAssignedLongestAgo() {
    var recent = worker("recent", Set.of("fr"), Set.of(), 2, 0, T0.plusSeconds(30));
    var longAgo = worker("longago", Set.of("fr"), Set.of(), 2, 0, T0);
    var plan = planner.plan(List.of(entry("a", 1, List.of("fr"), Set.of())), List.of(recent, longAgo), now,
        (e, w) -> false);
    assertThat(plan).extracting(p -> p.worker().workerId()).containsExactly("longago");
  }

  @Test
  void spreadsSeveralVisitorsAcrossWorkersCountingPendingOffers() {
    var a = worker("a", Set.of("fr"), Set.of(), 1, 0, T0);
    var b = worker("b", Set.of("fr"), Set.of(), 1, 0, T0.plusSeconds(1));
    var plan = planner.plan(List.of(entry("1", 1, List.of("fr"), Set.of()), entry("2", 2, List.of("fr"), Set.of()),
        entry("3", 3, List.of("fr"), Set.of())), List.of(a, b), now, (e, w) -> false);
    assertThat(plan).extracting(p -> p.entry().id() + "->" + p.worker().workerId()).containsExactly("1->a", "2->b");
  }

  @Test
  void languageMismatchIsNotOfferedBeforeTheFallbackDelay() {
    var french = worker("fr", Set.of("fr"), Set.of(), 2, 0, T0);
    var romanian = entry("ro", 1, List.of("ro"), Set.of());
    assertThat(planner.plan(List.of(romanian), List.of(french), now, (e, w) -> false)).isEmpty();
    assertThat(planner.plan(List.of(romanian), List.of(french), T0.plus(Duration.ofMinutes(6)), (e, w) -> false))
        .hasSize(1);
  }

  @Test
  void flaggedVisitorGoesOnlyToSkilledWorkers() {
    var plain = worker("plain", Set.of("fr"), Set.of(), 2, 0, T0);
    var trained = worker("trained", Set.of("fr"), Set.of("possible-minor"), 2, 1, T0);
    var plan = planner.plan(List.of(entry("m", 1, List.of("fr"), Set.of(Flag.POSSIBLE_MINOR))),
        List.of(plain, trained), now, (e, w) -> false);
    assertThat(plan).extracting(p -> p.worker().workerId()).containsExactly("trained");
  }

  @Test
  void skipsEntriesAlreadyOfferedAndWorkersWhoDeclined() {
    var a = worker("a", Set.of("fr"), Set.of(), 2, 0, T0);
    var b = worker("b", Set.of("fr"), Set.of(), 2, 0, T0.plusSeconds(5));
    var offered = entry("1", 1, List.of("fr"), Set.of())
        .withOffer(Optional.of(new QueueEntry.Offer("a", now.plusSeconds(10))));
    var fresh = entry("2", 2, List.of("fr"), Set.of());
    var plan = planner.plan(List.of(offered, fresh), List.of(a, b), now, (e, w) -> e.equals("2") && w.equals("b"));
    assertThat(plan).extracting(p -> p.entry().id() + "->" + p.worker().workerId()).containsExactly("2->a");
  }
}
