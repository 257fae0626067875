package fr.passerelle.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.conversation.Party;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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

  /**
   * A socket that closes as a wake-up for it is on its way (a visitor leaving as the worker sends) cancels its
   * subscription with the event in flight: the event is dropped, and nothing is logged, least of all the channel,
   * which holds an id.
   */
  @Test
  default void anEventInFlightToACancelledSubscriptionIsDroppedSilently(Vertx vertx) throws Exception {
    String channel = WakeUps.conversation("c-in-flight-4f1d");
    List<String> logged = Collections.synchronizedList(new ArrayList<>());
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(record.getLoggerName() + " " + record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger.getLogger("").addHandler(capture);
    try {
      Context context = vertx.getOrCreateContext();
      List<JsonObject> heardAfterCancel = Collections.synchronizedList(new ArrayList<>());
      boolean[] cancelled = {false};
      Promise<WakeUps.Subscription> leaving = Promise.promise();
      Promise<WakeUps.Subscription> staying = Promise.promise();
      Promise<JsonObject> heardByTheOther = Promise.promise();
      context.runOnContext(v -> {
        stores().wakeUps().subscribe(channel, event -> {
          if (cancelled[0]) {
            heardAfterCancel.add(event);
          }
        }).onComplete(leaving);
        stores().wakeUps().subscribe(channel, heardByTheOther::tryComplete).onComplete(staying);
      });
      WakeUps.Subscription subscription = await(leaving.future());
      await(staying.future());

      Promise<Void> published = Promise.promise();
      context.runOnContext(v -> {
        stores().wakeUps().publish(channel, new JsonObject().put("type", "envelope").put("seq", 1));
        cancelled[0] = true;
        subscription.cancel().onComplete(published);
      });
      await(published.future());
      await(heardByTheOther.future());
      Promise<Void> drained = Promise.promise();
      context.runOnContext(v -> drained.complete());
      await(drained.future());

      assertThat(heardAfterCancel).isEmpty();
      synchronized (logged) {
        assertThat(logged).noneMatch(line -> line.contains("4f1d"));
      }
    } finally {
      Logger.getLogger("").removeHandler(capture);
    }
  }
}
