package fr.passerelle.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.conversation.ConversationStore.Appended;
import fr.passerelle.conversation.Envelope;
import fr.passerelle.conversation.Party;
import fr.passerelle.http.ErrorCode;
import org.junit.jupiter.api.Test;

/** Envelopes: sequence numbers, exactly-once storage by id, reading from a sequence, and acks. */
interface EnvelopeContract extends StoreFixture {

  @Test
  default void appendAssignsSequenceNumbersFromOne() throws Exception {
    online("w1", 1);
    talking("s1", "w1");

    Appended first = send("c-s1", Party.VISITOR, "m1", NOW);
    Appended second = send("c-s1", Party.WORKER, "m2", NOW.plusSeconds(1));

    assertThat(first).isEqualTo(new Appended(new Envelope(1, "m1", Party.VISITOR, "h-m1", "b-m1", NOW), false));
    assertThat(second.envelope().seq()).isEqualTo(2);
    assertThat(second.duplicate()).isFalse();
  }

  @Test
  default void appendFailsForUnknownOrEndedConversation() throws Exception {
    online("w1", 1);
    talking("s1", "w1");
    await(stores().conversations().end("c-s1", NOW));

    failure(stores().conversations().append("missing", Party.VISITOR, "m1", "h", "b", NOW),
        ErrorCode.UNKNOWN_CONVERSATION);
    failure(stores().conversations().append("c-s1", Party.VISITOR, "m1", "h", "b", NOW),
        ErrorCode.CONVERSATION_ENDED);
  }

  @Test
  default void duplicateEnvelopeIsStoredOnce() throws Exception {
    online("w1", 1);
    talking("s1", "w1");
    Appended original = send("c-s1", Party.VISITOR, "m1", NOW);

    Appended again = send("c-s1", Party.VISITOR, "m1", NOW.plusSeconds(3));

    assertThat(again).isEqualTo(new Appended(original.envelope(), true));
    assertThat(await(stores().conversations().after("c-s1", Party.WORKER, 0))).containsExactly(original.envelope());
    assertThat(send("c-s1", Party.VISITOR, "m2", NOW).envelope().seq()).isEqualTo(2);
  }

  @Test
  default void theSameIdFromEachSideIsTwoEnvelopes() throws Exception {
    online("w1", 1);
    talking("s1", "w1");
    Appended fromVisitor = send("c-s1", Party.VISITOR, "1", NOW);

    Appended fromWorker = send("c-s1", Party.WORKER, "1", NOW);

    assertThat(fromWorker.duplicate()).isFalse();
    assertThat(fromWorker.envelope().seq()).isEqualTo(fromVisitor.envelope().seq() + 1);
    assertThat(await(stores().conversations().after("c-s1", Party.VISITOR, 0))).containsExactly(fromWorker.envelope());
  }

  @Test
  default void duplicateOfAnAckedEnvelopeKeepsItsSequenceNumber() throws Exception {
    online("w1", 1);
    talking("s1", "w1");
    send("c-s1", Party.VISITOR, "m1", NOW);
    await(stores().conversations().ack("c-s1", Party.WORKER, 1));

    Appended again = send("c-s1", Party.VISITOR, "m1", NOW.plusSeconds(3));

    assertThat(again.duplicate()).isTrue();
    assertThat(again.envelope().seq()).isEqualTo(1);
    assertThat(await(stores().conversations().after("c-s1", Party.WORKER, 0))).isEmpty();
    assertThat(send("c-s1", Party.VISITOR, "m2", NOW).envelope().seq()).isEqualTo(2);
  }

  @Test
  default void afterReturnsTheOtherPartysEnvelopesAboveTheSequence() throws Exception {
    online("w1", 1);
    talking("s1", "w1");
    send("c-s1", Party.VISITOR, "v1", NOW);
    send("c-s1", Party.WORKER, "w1", NOW);
    send("c-s1", Party.VISITOR, "v2", NOW);
    send("c-s1", Party.VISITOR, "v3", NOW);

    assertThat(await(stores().conversations().after("c-s1", Party.WORKER, 1))).extracting(Envelope::id)
        .containsExactly("v2", "v3");
    assertThat(await(stores().conversations().after("c-s1", Party.VISITOR, 0))).extracting(Envelope::id)
        .containsExactly("w1");
    failure(stores().conversations().after("missing", Party.VISITOR, 0), ErrorCode.UNKNOWN_CONVERSATION);
  }

  @Test
  default void endedConversationStaysReadable() throws Exception {
    online("w1", 1);
    talking("s1", "w1");
    send("c-s1", Party.WORKER, "w1", NOW);
    await(stores().conversations().end("c-s1", NOW));

    assertThat(await(stores().conversations().after("c-s1", Party.VISITOR, 0))).extracting(Envelope::id)
        .containsExactly("w1");
  }

  @Test
  default void ackDeletesOnlyTheOtherPartysEnvelopesUpToTheSequence() throws Exception {
    online("w1", 1);
    talking("s1", "w1");
    send("c-s1", Party.VISITOR, "v1", NOW);
    send("c-s1", Party.WORKER, "w2", NOW);
    send("c-s1", Party.VISITOR, "v3", NOW);
    send("c-s1", Party.VISITOR, "v4", NOW);

    await(stores().conversations().ack("c-s1", Party.WORKER, 3));

    assertThat(await(stores().conversations().after("c-s1", Party.WORKER, 0))).extracting(Envelope::id)
        .containsExactly("v4");
    assertThat(await(stores().conversations().after("c-s1", Party.VISITOR, 0))).extracting(Envelope::id)
        .containsExactly("w2");
    failure(stores().conversations().ack("missing", Party.WORKER, 3), ErrorCode.UNKNOWN_CONVERSATION);
  }
}
