package fr.passerelle.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.conversation.Conversation;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.queue.Flag;
import fr.passerelle.queue.QueueEntry;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A conversation's life: end, transfer, requeue, flags and key, and the worker slots they move. */
interface ConversationContract extends StoreFixture {

  @Test
  default void endFreesTheSlotAndUnlinksTheSession() throws Exception {
    online("w1", 1);
    Conversation conversation = talking("s1", "w1");

    Conversation ended = await(stores().conversations().end(conversation.id(), NOW.plusSeconds(60)));

    assertThat(ended.endedAt()).contains(NOW.plusSeconds(60));
    assertThat(await(stores().conversations().find("c-s1"))).contains(ended);
    assertThat(await(stores().sessions().find("s1", NOW)).orElseThrow().conversationId()).isEmpty();
    assertThat(active("w1")).isZero();
    assertThat(await(stores().conversations().activeFor("w1"))).isEmpty();
  }

  @Test
  default void endFailsForUnknownOrEndedConversation() throws Exception {
    online("w1", 1);
    talking("s1", "w1");
    await(stores().conversations().end("c-s1", NOW));

    failure(stores().conversations().end("missing", NOW), ErrorCode.UNKNOWN_CONVERSATION);
    failure(stores().conversations().end("c-s1", NOW), ErrorCode.CONVERSATION_ENDED);
    assertThat(active("w1")).isZero();
  }

  @Test
  default void activeForListsOnlyTheWorkersActiveConversations() throws Exception {
    online("w1", 3);
    online("w2", 3);
    talking("s1", "w1");
    talking("s2", "w1");
    talking("s3", "w2");
    await(stores().conversations().end("c-s1", NOW));

    assertThat(await(stores().conversations().activeFor("w1"))).extracting(Conversation::id)
        .containsExactly("c-s2");
  }

  @Test
  default void transferMovesTheVisitorToAColleague() throws Exception {
    online("w1", 1);
    online("w2", 1);
    Conversation old = talking("s1", "w1");
    await(stores().conversations().flag(old.id(), Flag.POSSIBLE_MINOR));

    Conversation moved = await(stores().conversations().transfer(old.id(), "w2", "c2", NOW.plusSeconds(9)));

    assertThat(moved).isEqualTo(new Conversation("c2", "s1", "w2", old.languages(), Set.of(Flag.POSSIBLE_MINOR),
        old.order(), old.visitorKey(), NOW.plusSeconds(9), Optional.empty()));
    assertThat(await(stores().conversations().find(old.id())).orElseThrow().endedAt()).contains(NOW.plusSeconds(9));
    assertThat(await(stores().sessions().find("s1", NOW)).orElseThrow().conversationId()).contains("c2");
    assertThat(active("w1")).isZero();
    assertThat(active("w2")).isEqualTo(1);
    assertThat(await(stores().presence().find("w2")).orElseThrow().lastAssignedAt()).isEqualTo(NOW.plusSeconds(9));
  }

  @Test
  default void transferFailsToTheCurrentWorker() throws Exception {
    online("w1", 2);
    talking("s1", "w1");

    failure(stores().conversations().transfer("c-s1", "w1", "c2", NOW), ErrorCode.INVALID_FIELD);
  }

  @Test
  default void transferFailsToAnOfflineOrUnavailableColleague() throws Exception {
    online("w1", 1);
    online("w2", 1);
    talking("s1", "w1");
    await(stores().presence().setAvailable("w2", false));

    failure(stores().conversations().transfer("c-s1", "w2", "c2", NOW), ErrorCode.WORKER_UNAVAILABLE);
    failure(stores().conversations().transfer("c-s1", "w3", "c2", NOW), ErrorCode.WORKER_UNAVAILABLE);
    assertThat(await(stores().conversations().find("c-s1")).orElseThrow().active()).isTrue();
    assertThat(active("w1")).isEqualTo(1);
  }

  @Test
  default void transferFailsToAColleagueAtCapacity() throws Exception {
    online("w1", 1);
    online("w2", 1);
    talking("s1", "w1");
    talking("s2", "w2");

    failure(stores().conversations().transfer("c-s1", "w2", "c3", NOW), ErrorCode.AT_CAPACITY);
    assertThat(await(stores().conversations().find("c3"))).isEmpty();
  }

  @Test
  default void transferFailsForAnEndedConversation() throws Exception {
    online("w1", 1);
    online("w2", 1);
    talking("s1", "w1");
    await(stores().conversations().end("c-s1", NOW));

    failure(stores().conversations().transfer("c-s1", "w2", "c2", NOW), ErrorCode.CONVERSATION_ENDED);
    assertThat(active("w2")).isZero();
  }

  @Test
  default void requeueKeepsTheOriginalPlaceAheadOfLaterArrivals() throws Exception {
    online("w1", 1);
    QueueEntry first = waiting("s1", Flag.POSSIBLE_MINOR);
    waiting("s2", Flag.POSSIBLE_MINOR);
    Conversation conversation = await(stores().queue().claim(first.id(), "w1", "c1", NOW));
    waiting("s3", Flag.POSSIBLE_MINOR);

    QueueEntry back = await(stores().conversations().requeue(conversation.id(), "e-back", NOW.plusSeconds(7)));

    assertThat(back).isEqualTo(new QueueEntry("e-back", "s1", first.languages(), first.flags(), Optional.empty(),
        first.visitorKey(), first.order(), NOW.plusSeconds(7), Optional.empty()));
    assertThat(await(stores().queue().waiting())).extracting(QueueEntry::sessionId).containsExactly("s1", "s2", "s3");
    assertThat(await(stores().conversations().find("c1")).orElseThrow().active()).isFalse();
    assertThat(await(stores().sessions().find("s1", NOW)).orElseThrow().conversationId()).isEmpty();
    assertThat(active("w1")).isZero();
  }

  @Test
  default void requeueIgnoresTheQueueLengthLimit() throws Exception {
    online("w1", 1);
    talking("s1", "w1");
    waiting("s2");
    newSession("s3");
    failure(stores().queue().enqueue(StoreFixture.entry("e3", "s3"), 1), ErrorCode.QUEUE_FULL);

    assertThat(await(stores().conversations().requeue("c-s1", "e-back", NOW)).sessionId()).isEqualTo("s1");
    assertThat(await(stores().queue().waiting())).hasSize(2);
  }

  @Test
  default void flagAndKeyChangeOnlyActiveConversations() throws Exception {
    online("w1", 1);
    talking("s1", "w1");

    assertThat(await(stores().conversations().flag("c-s1", Flag.DANGER)).flags()).containsExactly(Flag.DANGER);
    assertThat(await(stores().conversations().flag("c-s1", Flag.POSSIBLE_MINOR)).priority())
        .isEqualTo(Flag.priorityOf(Set.of(Flag.DANGER)));
    assertThat(await(stores().conversations().updateVisitorKey("c-s1", "k2")).visitorKey()).isEqualTo("k2");
    assertThat(await(stores().conversations().find("c-s1")).orElseThrow().flags())
        .containsExactlyInAnyOrder(Flag.DANGER, Flag.POSSIBLE_MINOR);
    await(stores().conversations().end("c-s1", NOW));

    failure(stores().conversations().flag("c-s1", Flag.DANGER), ErrorCode.CONVERSATION_ENDED);
    failure(stores().conversations().updateVisitorKey("c-s1", "k3"), ErrorCode.CONVERSATION_ENDED);
    failure(stores().conversations().flag("missing", Flag.DANGER), ErrorCode.UNKNOWN_CONVERSATION);
  }
}
