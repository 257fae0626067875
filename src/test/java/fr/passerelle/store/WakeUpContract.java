package fr.passerelle.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.conversation.Party;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

/** Wake-ups: an append signals the conversation's channel in the same step; subscriptions can be cancelled. */
interface WakeUpContract extends StoreFixture {

  @Test
  default void appendWakesUpTheConversationsSubscriber(VertxTestContext ctx) throws Exception {
    online("w1", 1);
    talking("s1", "w1");
    Checkpoint woken = ctx.checkpoint();
    await(stores().wakeUps().subscribe(WakeUps.conversation("c-s1"), event -> ctx.verify(() -> {
      assertThat(event).isEqualTo(new JsonObject().put("type", "envelope").put("seq", 1).put("from", "visitor"));
      woken.flag();
    })));

    send("c-s1", Party.VISITOR, "m1", NOW);
  }

  @Test
  default void duplicateAppendWakesNobody(VertxTestContext ctx) throws Exception {
    online("w1", 1);
    talking("s1", "w1");
    // A strict checkpoint: a third event (the duplicate's) would fail the test.
    Checkpoint woken = ctx.checkpoint(2);
    long[] expected = {1};
    await(stores().wakeUps().subscribe(WakeUps.conversation("c-s1"), event -> ctx.verify(() -> {
      assertThat(event.getLong("seq")).isEqualTo(expected[0]++);
      woken.flag();
    })));

    send("c-s1", Party.VISITOR, "m1", NOW);
    send("c-s1", Party.VISITOR, "m1", NOW);
    send("c-s1", Party.WORKER, "m2", NOW);
  }

  @Test
  default void cancelledSubscriptionHearsNoMore(VertxTestContext ctx) throws Exception {
    var cancelled = await(stores().wakeUps().subscribe(WakeUps.QUEUE,
        event -> ctx.failNow("a cancelled subscription was called")));
    await(cancelled.cancel());
    Checkpoint heard = ctx.checkpoint();
    await(stores().wakeUps().subscribe(WakeUps.QUEUE, event -> ctx.verify(() -> {
      assertThat(event.getString("type")).isEqualTo("changed");
      heard.flag();
    })));

    stores().wakeUps().publish(WakeUps.QUEUE, new JsonObject().put("type", "changed"));
  }
}
