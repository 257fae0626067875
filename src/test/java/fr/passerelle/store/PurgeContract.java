package fr.passerelle.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.conversation.Envelope;
import fr.passerelle.conversation.Party;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Retention: what has outlived its time goes, by age, and the count says how much. */
interface PurgeContract extends StoreFixture {

  Instant LONG_AGO = Instant.EPOCH;

  @Test
  default void purgeDeletesEnvelopesStoredBeforeTheCutoff() throws Exception {
    online("w1", 1);
    talking("s1", "w1");
    send("c-s1", Party.VISITOR, "old", NOW.minus(Duration.ofHours(2)));
    send("c-s1", Party.VISITOR, "new", NOW);

    int deleted = await(stores().conversations().purge(NOW, NOW.minus(Duration.ofHours(1)), LONG_AGO));

    assertThat(deleted).isEqualTo(1);
    assertThat(await(stores().conversations().after("c-s1", Party.WORKER, 0))).extracting(Envelope::id)
        .containsExactly("new");
    assertThat(send("c-s1", Party.VISITOR, "old", NOW).duplicate()).isTrue();
  }

  @Test
  default void purgeDeletesConversationsEndedBeforeTheCutoff() throws Exception {
    online("w1", 2);
    talking("s1", "w1");
    talking("s2", "w1");
    send("c-s1", Party.WORKER, "m1", NOW);
    await(stores().conversations().end("c-s1", NOW.minus(Duration.ofHours(2))));
    await(stores().conversations().end("c-s2", NOW));

    int deleted = await(stores().conversations().purge(NOW, LONG_AGO, NOW.minus(Duration.ofHours(1))));

    assertThat(deleted).isEqualTo(2);
    assertThat(await(stores().conversations().find("c-s1"))).isEmpty();
    assertThat(await(stores().conversations().find("c-s2"))).isPresent();
  }

  @Test
  default void purgeDeletesExpiredSessionsAndEndsTheirConversations() throws Exception {
    online("w1", 1);
    waiting("waiting");
    talking("talking", "w1");
    Instant later = NOW.plus(SESSION_LIFE);
    newSession("fresh");
    await(stores().sessions().touch("fresh", later.plus(SESSION_LIFE)));

    int deleted = await(stores().conversations().purge(later, LONG_AGO, LONG_AGO));

    assertThat(deleted).isEqualTo(3); // two sessions and one queue entry
    assertThat(await(stores().sessions().find("waiting", NOW))).isEmpty();
    assertThat(await(stores().sessions().find("talking", NOW))).isEmpty();
    assertThat(await(stores().sessions().find("fresh", later))).isPresent();
    assertThat(await(stores().queue().waiting())).isEmpty();
    assertThat(await(stores().conversations().find("c-talking")).orElseThrow().endedAt()).contains(later);
    assertThat(active("w1")).isZero();
  }

  @Test
  default void purgeNamesTheSessionsThatExpiredWhileWaiting() throws Exception {
    online("w1", 1);
    waiting("waiting");
    talking("talking", "w1");
    List<String> timedOut = new CopyOnWriteArrayList<>();

    await(stores().conversations().purge(NOW.plus(SESSION_LIFE), LONG_AGO, LONG_AGO, s -> timedOut.add(s.id())));

    assertThat(timedOut).containsExactly("waiting");
  }

  @Test
  default void purgeOfNothingCountsZero() throws Exception {
    assertThat(await(stores().conversations().purge(NOW, NOW, NOW))).isZero();
  }
}
