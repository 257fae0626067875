package fr.passerelle.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.worker.WorkerPresence;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Worker presence: coming online, availability, going offline without losing slot counts. */
interface PresenceContract extends StoreFixture {

  @Test
  default void newWorkerHasNoActiveConversationAndWasNeverAssigned() throws Exception {
    WorkerPresence worker = await(stores().presence().online("w1", "Nour", Set.of("fr", "ar"), Set.of("danger"), 3,
        true));

    assertThat(worker).isEqualTo(new WorkerPresence("w1", "Nour", Set.of("fr", "ar"), Set.of("danger"), 3, true, 0,
        Instant.EPOCH, true));
    assertThat(await(stores().presence().find("w1"))).contains(worker);
  }

  @Test
  default void comingOnlineAgainKeepsActiveCountAndLastAssignment() throws Exception {
    online("w1", 1);
    talking("s1", "w1");

    WorkerPresence updated = await(stores().presence().online("w1", "Nour", Set.of("ro"), Set.of(), 4, false));

    assertThat(updated.active()).isEqualTo(1);
    assertThat(updated.lastAssignedAt()).isEqualTo(NOW);
    assertThat(updated.capacity()).isEqualTo(4);
    assertThat(updated.languages()).containsExactly("ro");
    assertThat(updated.available()).isFalse();
  }

  @Test
  default void setAvailableChangesOnlyAnOnlineWorker() throws Exception {
    online("w1", 1);

    assertThat(await(stores().presence().setAvailable("w1", false)).orElseThrow().available()).isFalse();
    assertThat(await(stores().presence().find("w1")).orElseThrow().canTake()).isFalse();
    assertThat(await(stores().presence().setAvailable("missing", true))).isEmpty();
  }

  @Test
  default void offlineRemovesAnIdleWorker() throws Exception {
    online("w1", 1);

    await(stores().presence().offline("w1"));
    await(stores().presence().offline("missing"));

    assertThat(await(stores().presence().find("w1"))).isEmpty();
    assertThat(await(stores().presence().online())).isEmpty();
  }

  @Test
  default void offlineKeepsABusyWorkerUnavailableSoCountsStayRight() throws Exception {
    online("w1", 2);
    talking("s1", "w1");

    await(stores().presence().offline("w1"));

    WorkerPresence kept = await(stores().presence().find("w1")).orElseThrow();
    assertThat(kept.available()).isFalse();
    assertThat(kept.connected()).isFalse();
    assertThat(kept.active()).isEqualTo(1);
    await(stores().conversations().end("c-s1", NOW));
    assertThat(await(stores().presence().find("w1"))).as("gone with their last conversation").isEmpty();
  }

  @Test
  default void aWorkerWhoComesBackBeforeTheirConversationEndsStays() throws Exception {
    online("w1", 2);
    talking("s1", "w1");
    await(stores().presence().offline("w1"));
    online("w1", 2);

    await(stores().conversations().end("c-s1", NOW));

    WorkerPresence back = await(stores().presence().find("w1")).orElseThrow();
    assertThat(back.connected()).isTrue();
    assertThat(back.active()).isZero();
  }

  @Test
  default void onlineListsEveryWorker() throws Exception {
    online("w2", 1);
    online("w1", 1);
    await(stores().presence().setAvailable("w2", false));

    assertThat(await(stores().presence().online())).extracting(WorkerPresence::workerId)
        .containsExactlyInAnyOrder("w1", "w2");
  }
}
