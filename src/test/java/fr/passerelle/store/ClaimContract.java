package fr.passerelle.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.conversation.Conversation;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.queue.Flag;
import fr.passerelle.queue.QueueEntry;
import fr.passerelle.worker.WorkerPresence;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** A worker taking a visitor from the queue: one atomic move from queue to conversation. */
interface ClaimContract extends StoreFixture {

  @Test
  default void claimMovesTheVisitorIntoAConversation() throws Exception {
    online("w1", 2);
    QueueEntry entry = waiting("s1", Flag.DANGER);

    Conversation conversation = await(stores().queue().claim(entry.id(), "w1", "c1", NOW.plusSeconds(5)));

    assertThat(conversation).isEqualTo(new Conversation("c1", "s1", "w1", entry.languages(), entry.flags(),
        entry.order(), entry.visitorKey(), NOW.plusSeconds(5), Optional.empty()));
    assertThat(await(stores().conversations().find("c1"))).contains(conversation);
    assertThat(await(stores().queue().waiting())).isEmpty();
    assertThat(await(stores().sessions().find("s1", NOW)).orElseThrow().conversationId()).contains("c1");
    WorkerPresence worker = await(stores().presence().find("w1")).orElseThrow();
    assertThat(worker.active()).isEqualTo(1);
    assertThat(worker.lastAssignedAt()).isEqualTo(NOW.plusSeconds(5));
  }

  @Test
  default void claimFailsForUnknownEntry() throws Exception {
    online("w1", 1);

    failure(stores().queue().claim("missing", "w1", "c1", NOW), ErrorCode.UNKNOWN_ENTRY);
  }

  @Test
  default void claimFailsWhenOfferedToAnotherWorker() throws Exception {
    online("w1", 1);
    QueueEntry entry = waiting("s1");
    await(stores().queue().offer(entry.id(), "w2", NOW.plusSeconds(30), NOW));

    failure(stores().queue().claim(entry.id(), "w1", "c1", NOW), ErrorCode.OFFERED_ELSEWHERE);
    assertThat(await(stores().queue().waiting())).hasSize(1);
  }

  @Test
  default void claimSucceedsForTheOfferedWorker() throws Exception {
    online("w1", 1);
    QueueEntry entry = waiting("s1");
    await(stores().queue().offer(entry.id(), "w1", NOW.plusSeconds(30), NOW));

    assertThat(await(stores().queue().claim(entry.id(), "w1", "c1", NOW)).workerId()).isEqualTo("w1");
  }

  @Test
  default void claimSucceedsOnceAnotherWorkersOfferExpired() throws Exception {
    online("w1", 1);
    QueueEntry entry = waiting("s1");
    await(stores().queue().offer(entry.id(), "w2", NOW.plusSeconds(30), NOW));

    assertThat(await(stores().queue().claim(entry.id(), "w1", "c1", NOW.plusSeconds(30))).id()).isEqualTo("c1");
  }

  @Test
  default void claimFailsForWorkerWithoutPresence() throws Exception {
    QueueEntry entry = waiting("s1");

    failure(stores().queue().claim(entry.id(), "w1", "c1", NOW), ErrorCode.AT_CAPACITY);
  }

  @Test
  default void claimFailsWhenWorkerIsAtCapacity() throws Exception {
    online("w1", 1);
    talking("s1", "w1");
    QueueEntry entry = waiting("s2");

    failure(stores().queue().claim(entry.id(), "w1", "c2", NOW), ErrorCode.AT_CAPACITY);
    assertThat(await(stores().queue().waiting())).containsExactly(entry);
    assertThat(active("w1")).isEqualTo(1);
  }

  @Test
  default void concurrentClaimsOfOneEntryHaveExactlyOneWinner() throws Exception {
    int claimants = 16;
    QueueEntry entry = waiting("s1");
    for (int i = 0; i < claimants; i++) {
      online("w" + i, 1);
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(claimants);
    List<java.util.concurrent.Future<Future<Conversation>>> attempts = new ArrayList<>();
    try {
      for (int i = 0; i < claimants; i++) {
        String worker = "w" + i;
        attempts.add(threads.submit(() -> {
          start.await();
          return stores().queue().claim(entry.id(), worker, "c-" + worker, NOW);
        }));
      }
      start.countDown();
      List<Conversation> won = new ArrayList<>();
      for (var attempt : attempts) {
        Future<Conversation> claim = attempt.get();
        try {
          won.add(await(claim));
        } catch (ExecutionException e) {
          assertThat(e.getCause()).isInstanceOfSatisfying(ApiException.class,
              lost -> assertThat(lost.code()).isEqualTo(ErrorCode.UNKNOWN_ENTRY));
        }
      }
      assertThat(won).hasSize(1);
      assertThat(await(stores().presence().online())).extracting(WorkerPresence::active)
          .containsOnly(0, 1).filteredOn(n -> n == 1).hasSize(1);
      assertThat(await(stores().sessions().find("s1", NOW)).orElseThrow().conversationId())
          .contains(won.get(0).id());
    } finally {
      threads.shutdownNow();
    }
  }
}
