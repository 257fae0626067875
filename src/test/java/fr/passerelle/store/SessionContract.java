package fr.passerelle.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.conversation.Conversation;
import fr.passerelle.conversation.Party;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.visitor.VisitorSession;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sessions: expiry, touch, and a quick exit that leaves nothing behind. */
interface SessionContract extends StoreFixture {

  @Test
  default void sessionIsFoundUntilItExpires() throws Exception {
    VisitorSession session = newSession("s1");

    assertThat(await(stores().sessions().find("s1", NOW))).hasValueSatisfying(found -> {
      assertThat(found.languages()).containsExactly("fr", "ro");
      assertThat(found.resumeSecretHash()).containsExactly(1, 2, 3);
    });
    assertThat(await(stores().sessions().find("s1", session.expiresAt()))).isEmpty();
    assertThat(await(stores().sessions().find("missing", NOW))).isEmpty();
  }

  @Test
  default void createFailsForTakenId() throws Exception {
    VisitorSession session = newSession("s1");

    failure(stores().sessions().create(session), ErrorCode.CONFLICT);
  }

  @Test
  default void foundSessionDoesNotShareItsSecretHash() throws Exception {
    newSession("s1");

    await(stores().sessions().find("s1", NOW)).orElseThrow().resumeSecretHash()[0] = 9;

    assertThat(await(stores().sessions().find("s1", NOW)).orElseThrow().resumeSecretHash()).containsExactly(1, 2, 3);
  }

  @Test
  default void touchPushesExpiryForward() throws Exception {
    VisitorSession session = newSession("s1");
    Instant later = session.expiresAt().plus(SESSION_LIFE);

    await(stores().sessions().touch("s1", later));

    assertThat(await(stores().sessions().find("s1", session.expiresAt()))).isPresent();
    assertThat(await(stores().sessions().find("s1", later))).isEmpty();
  }

  @Test
  default void touchFailsForUnknownSession() {
    failure(stores().sessions().touch("missing", NOW.plus(SESSION_LIFE)), ErrorCode.NOT_FOUND);
  }

  @Test
  default void touchDoesNotReviveAnExpiredSession() throws Exception {
    VisitorSession expired = new VisitorSession("s1", new byte[] {1}, List.of("fr"), Optional.empty(),
        Optional.empty(), NOW.minus(SESSION_LIFE));
    await(stores().sessions().create(expired));

    failure(stores().sessions().touch("s1", NOW.plus(SESSION_LIFE)), ErrorCode.NOT_FOUND);
  }

  @Test
  default void eraseOfWaitingVisitorRemovesSessionAndEntry() throws Exception {
    waiting("s1");

    assertThat(await(stores().sessions().erase("s1"))).isEmpty();

    assertThat(await(stores().sessions().find("s1", NOW))).isEmpty();
    assertThat(await(stores().queue().findBySession("s1"))).isEmpty();
    assertThat(await(stores().queue().waiting())).isEmpty();
  }

  @Test
  default void eraseOfUnknownSessionSucceedsWithNothing() throws Exception {
    assertThat(await(stores().sessions().erase("missing"))).isEmpty();
  }

  @Test
  default void eraseLeavesNothingOfTheVisitor() throws Exception {
    online("w1", 2);
    online("w2", 2);
    Conversation first = talking("s1", "w1");
    send(first.id(), Party.VISITOR, "m1", NOW);
    send(first.id(), Party.WORKER, "m2", NOW);
    Conversation second = await(stores().conversations().transfer(first.id(), "w2", "c2", NOW));
    send(second.id(), Party.VISITOR, "m3", NOW);
    talking("other", "w2");

    Optional<Conversation> left = await(stores().sessions().erase("s1"));

    assertThat(left).hasValueSatisfying(c -> {
      assertThat(c.id()).isEqualTo("c2");
      assertThat(c.workerId()).isEqualTo("w2");
    });
    assertThat(await(stores().sessions().find("s1", NOW))).isEmpty();
    assertThat(await(stores().queue().findBySession("s1"))).isEmpty();
    assertThat(await(stores().queue().waiting())).isEmpty();
    for (String id : new String[] {first.id(), second.id()}) {
      assertThat(await(stores().conversations().find(id))).isEmpty();
      failure(stores().conversations().after(id, Party.WORKER, 0), ErrorCode.UNKNOWN_CONVERSATION);
      failure(stores().conversations().after(id, Party.VISITOR, 0), ErrorCode.UNKNOWN_CONVERSATION);
      failure(stores().conversations().append(id, Party.VISITOR, "m1", "h", "b", NOW),
          ErrorCode.UNKNOWN_CONVERSATION);
    }
    assertThat(await(stores().conversations().activeFor("w1"))).isEmpty();
    assertThat(await(stores().conversations().activeFor("w2"))).extracting(Conversation::id).containsExactly("c-other");
    assertThat(active("w1")).isZero();
    assertThat(active("w2")).isEqualTo(1);
    // Only the other visitor's session and conversation remain for retention to find.
    assertThat(await(stores().sessions().erase("other"))).isPresent();
    assertThat(await(stores().conversations().purge(NOW.plus(SESSION_LIFE), Instant.MAX, Instant.MAX))).isZero();
  }
}
