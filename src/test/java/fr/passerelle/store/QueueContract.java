package fr.passerelle.store;

import static fr.passerelle.store.StoreFixture.entry;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.http.ErrorCode;
import fr.passerelle.queue.Flag;
import fr.passerelle.queue.QueueEntry;
import org.junit.jupiter.api.Test;

/** The waiting queue: admission, ordering, keys and offers. */
interface QueueContract extends StoreFixture {

  @Test
  default void enqueueFailsWithoutSession() {
    failure(stores().queue().enqueue(entry("e1", "missing"), ROOMY), ErrorCode.NOT_FOUND);
  }

  @Test
  default void enqueueAssignsIncreasingOrder() throws Exception {
    QueueEntry first = waiting("s1");
    QueueEntry second = waiting("s2");

    assertThat(first.order()).isPositive();
    assertThat(second.order()).isGreaterThan(first.order());
    assertThat(await(stores().queue().findBySession("s2"))).contains(second);
  }

  @Test
  default void enqueueKeepsAGivenOrder() throws Exception {
    newSession("s1");
    QueueEntry given = entry("e1", "s1");
    given = new QueueEntry(given.id(), given.sessionId(), given.languages(), given.flags(), given.topic(),
        given.visitorKey(), 42, given.enqueuedAt(), given.offer());

    assertThat(await(stores().queue().enqueue(given, ROOMY)).order()).isEqualTo(42);
  }

  @Test
  default void enqueueFailsWhenSessionAlreadyWaits() throws Exception {
    waiting("s1");

    failure(stores().queue().enqueue(entry("e2", "s1"), ROOMY), ErrorCode.ALREADY_QUEUED);
  }

  @Test
  default void enqueueFailsWhenSessionIsInAConversation() throws Exception {
    online("w1", 1);
    talking("s1", "w1");

    failure(stores().queue().enqueue(entry("e2", "s1"), ROOMY), ErrorCode.ALREADY_QUEUED);
  }

  @Test
  default void enqueueFailsWhenQueueIsFull() throws Exception {
    waiting("s1");
    waiting("s2");
    newSession("s3");

    failure(stores().queue().enqueue(entry("e3", "s3"), 2), ErrorCode.QUEUE_FULL);
    assertThat(await(stores().queue().enqueue(entry("e3", "s3"), 3)).id()).isEqualTo("e3");
  }

  @Test
  default void waitingIsSortedByPriorityThenArrival() throws Exception {
    waiting("plain1");
    waiting("minor", Flag.POSSIBLE_MINOR);
    waiting("danger1", Flag.DANGER);
    waiting("plain2");
    waiting("danger2", Flag.DANGER, Flag.POSSIBLE_MINOR);

    assertThat(await(stores().queue().waiting())).extracting(QueueEntry::sessionId)
        .containsExactly("danger1", "danger2", "minor", "plain1", "plain2");
  }

  @Test
  default void leaveRemovesTheEntryOnce() throws Exception {
    waiting("s1");

    assertThat(await(stores().queue().leave("s1"))).isTrue();
    assertThat(await(stores().queue().leave("s1"))).isFalse();
    assertThat(await(stores().queue().waiting())).isEmpty();
  }

  @Test
  default void updateKeyChangesOnlyAWaitingEntry() throws Exception {
    waiting("s1");

    assertThat(await(stores().queue().updateKey("s1", "new-key"))).isTrue();
    assertThat(await(stores().queue().updateKey("missing", "new-key"))).isFalse();
    assertThat(await(stores().queue().findBySession("s1")).orElseThrow().visitorKey()).isEqualTo("new-key");
  }

  @Test
  default void offerReservesTheEntryForOneWorkerUntilItExpires() throws Exception {
    QueueEntry entry = waiting("s1");
    var expiry = NOW.plusSeconds(30);

    assertThat(await(stores().queue().offer(entry.id(), "w1", expiry, NOW))).isTrue();
    assertThat(await(stores().queue().offer(entry.id(), "w2", NOW.plusSeconds(60), NOW))).isFalse();
    assertThat(await(stores().queue().offer(entry.id(), "w1", NOW.plusSeconds(40), NOW))).isTrue();
    assertThat(await(stores().queue().offer(entry.id(), "w2", NOW.plusSeconds(90), NOW.plusSeconds(40)))).isTrue();
    assertThat(await(stores().queue().findBySession("s1")).orElseThrow().offer())
        .contains(new QueueEntry.Offer("w2", NOW.plusSeconds(90)));
  }

  @Test
  default void offerFailsForUnknownEntry() throws Exception {
    assertThat(await(stores().queue().offer("missing", "w1", NOW.plusSeconds(30), NOW))).isFalse();
  }

  @Test
  default void clearOfferRemovesOnlyThatWorkersOffer() throws Exception {
    QueueEntry entry = waiting("s1");
    await(stores().queue().offer(entry.id(), "w1", NOW.plusSeconds(30), NOW));

    assertThat(await(stores().queue().clearOffer(entry.id(), "w2")).orElseThrow().offer()).isPresent();
    QueueEntry cleared = await(stores().queue().clearOffer(entry.id(), "w1")).orElseThrow();

    assertThat(cleared.offer()).isEmpty();
    assertThat(cleared.order()).isEqualTo(entry.order());
    assertThat(await(stores().queue().findBySession("s1")).orElseThrow().offer()).isEmpty();
    assertThat(await(stores().queue().clearOffer("missing", "w1"))).isEmpty();
  }
}
