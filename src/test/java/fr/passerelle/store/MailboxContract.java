package fr.passerelle.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.conversation.Party;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.mailbox.Mailbox;
import fr.passerelle.mailbox.MailboxStore;
import fr.passerelle.mailbox.MailboxStore.Limits;
import fr.passerelle.mailbox.StoredLetter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Anonymous mailboxes: created by a visitor's first letter, answered by workers, bounded, purged by age. */
interface MailboxContract extends StoreFixture {

  Limits LIMITS = new Limits(3, 2);
  Optional<List<String>> FROM_VISITOR = Optional.of(List.of("ro", "fr"));

  private MailboxStore mailboxes() {
    return stores().mailboxes();
  }

  private static StoredLetter visitor(String id, Instant at) {
    return new StoredLetter(id, Party.VISITOR, at, "AQE" + id, Optional.empty());
  }

  private static StoredLetter worker(String id, Instant at) {
    return new StoredLetter(id, Party.WORKER, at, "AQI" + id, Optional.of("w1"));
  }

  @Test
  default void aVisitorsFirstLetterCreatesTheMailboxWithItsLanguages() throws Exception {
    MailboxStore.Appended appended = await(mailboxes().append("m1", FROM_VISITOR, visitor("l1", NOW), LIMITS));
    await(mailboxes().append("m1", Optional.of(List.of("en")), visitor("l2", NOW.plusSeconds(5)), LIMITS));

    assertThat(appended.duplicate()).isFalse();
    Mailbox mailbox = await(mailboxes().find("m1")).orElseThrow();
    assertThat(mailbox.languages()).containsExactly("ro", "fr");
    assertThat(mailbox.created()).isEqualTo(NOW);
    assertThat(mailbox.updated()).isEqualTo(NOW.plusSeconds(5));
    assertThat(mailbox.letters()).extracting(StoredLetter::id).containsExactly("l1", "l2");
    assertThat(mailbox.awaitingReply()).isTrue();
  }

  @Test
  default void aWorkerAnswersOnlyAnExistingMailbox() throws Exception {
    failure(mailboxes().append("m1", Optional.empty(), worker("r1", NOW), LIMITS), ErrorCode.NOT_FOUND);
    assertThat(await(mailboxes().find("m1"))).isEmpty();

    await(mailboxes().append("m1", FROM_VISITOR, visitor("l1", NOW), LIMITS));
    await(mailboxes().append("m1", Optional.empty(), worker("r1", NOW.plusSeconds(1)), LIMITS));
    Mailbox mailbox = await(mailboxes().find("m1")).orElseThrow();
    assertThat(mailbox.awaitingReply()).isFalse();
    assertThat(mailbox.letters().get(1).workerId()).hasValue("w1");
  }

  @Test
  default void theSameLetterIdAgainIsADuplicateThatChangesNothing() throws Exception {
    StoredLetter first = visitor("l1", NOW);
    await(mailboxes().append("m1", FROM_VISITOR, first, LIMITS));

    MailboxStore.Appended again = await(mailboxes().append("m1", FROM_VISITOR, visitor("l1", NOW.plusSeconds(9)),
        LIMITS));

    assertThat(again.duplicate()).isTrue();
    assertThat(again.letter()).isEqualTo(first);
    assertThat(await(mailboxes().find("m1")).orElseThrow().letters()).hasSize(1);
    failure(mailboxes().append("m1", Optional.empty(), worker("l1", NOW), LIMITS), ErrorCode.CONFLICT);
  }

  @Test
  default void aMailboxHoldsAtMostItsLimitOfLetters() throws Exception {
    for (int i = 0; i < LIMITS.lettersPerMailbox(); i++) {
      await(mailboxes().append("m1", FROM_VISITOR, visitor("l" + i, NOW), LIMITS));
    }
    failure(mailboxes().append("m1", FROM_VISITOR, visitor("more", NOW), LIMITS), ErrorCode.MAILBOX_FULL);
    failure(mailboxes().append("m1", Optional.empty(), worker("r", NOW), LIMITS), ErrorCode.MAILBOX_FULL);
    assertThat(await(mailboxes().find("m1")).orElseThrow().letters()).hasSize(LIMITS.lettersPerMailbox());
  }

  @Test
  default void noMailboxIsOpenedPastTheLimitButExistingOnesStillTakeLetters() throws Exception {
    await(mailboxes().append("m1", FROM_VISITOR, visitor("l1", NOW), LIMITS));
    await(mailboxes().append("m2", FROM_VISITOR, visitor("l1", NOW), LIMITS));

    failure(mailboxes().append("m3", FROM_VISITOR, visitor("l1", NOW), LIMITS), ErrorCode.MAILBOXES_FULL);

    assertThat(await(mailboxes().find("m3"))).isEmpty();
    assertThat(await(mailboxes().append("m1", FROM_VISITOR, visitor("l2", NOW), LIMITS)).duplicate()).isFalse();
  }

  @Test
  default void theListPutsMailboxesAwaitingAReplyFirstThenTheOldest() throws Exception {
    await(mailboxes().append("answered", FROM_VISITOR, visitor("l1", NOW.minusSeconds(50)), LIMITS));
    await(mailboxes().append("answered", Optional.empty(), worker("r1", NOW.minusSeconds(40)), LIMITS));
    await(mailboxes().append("recent", FROM_VISITOR, visitor("l1", NOW), LIMITS));
    Limits roomy = new Limits(3, 3);
    await(mailboxes().append("older", FROM_VISITOR, visitor("l1", NOW.minusSeconds(30)), roomy));

    assertThat(await(mailboxes().list())).extracting(Mailbox::id).containsExactly("older", "recent", "answered");
  }

  @Test
  default void deletingSaysWhetherThereWasAMailbox() throws Exception {
    await(mailboxes().append("m1", FROM_VISITOR, visitor("l1", NOW), LIMITS));

    assertThat(await(mailboxes().delete("m1"))).isTrue();
    assertThat(await(mailboxes().delete("m1"))).isFalse();
    assertThat(await(mailboxes().find("m1"))).isEmpty();
  }

  @Test
  default void purgeDeletesMailboxesWhoseLastLetterIsOlderThanTheCutoff() throws Exception {
    await(mailboxes().append("old", FROM_VISITOR, visitor("l1", NOW.minus(Duration.ofDays(8))), LIMITS));
    await(mailboxes().append("old", Optional.empty(), worker("r1", NOW.minus(Duration.ofDays(8))), LIMITS));
    await(mailboxes().append("kept", FROM_VISITOR, visitor("l1", NOW.minus(Duration.ofDays(9))), LIMITS));
    await(mailboxes().append("kept", FROM_VISITOR, visitor("l2", NOW.minus(Duration.ofDays(1))), LIMITS));

    int deleted = await(mailboxes().purge(NOW.minus(Duration.ofDays(7))));

    assertThat(deleted).isEqualTo(3); // one mailbox and its two letters
    assertThat(await(mailboxes().find("old"))).isEmpty();
    assertThat(await(mailboxes().find("kept")).orElseThrow().letters()).hasSize(2);
  }
}
