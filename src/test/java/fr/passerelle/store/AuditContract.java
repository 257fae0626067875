package fr.passerelle.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.audit.AuditAction;
import fr.passerelle.audit.AuditEntry;
import fr.passerelle.audit.AuditPage;
import fr.passerelle.audit.AuditQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The audit log: newest first, filtered, paged by cursor without gaps or repeats, and purged by age. */
interface AuditContract extends StoreFixture {

  static AuditEntry audited(String id, Instant at, String actor, AuditAction action) {
    return new AuditEntry(id, at, "id-" + actor, actor, action, Optional.empty(), Optional.empty());
  }

  static AuditQuery everything(int limit) {
    return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), limit,
        Optional.empty());
  }

  @Test
  default void anEmptyLogHasNoEntriesAndNoNextPage() throws Exception {
    AuditPage page = await(stores().audit().find(everything(10)));

    assertThat(page.entries()).isEmpty();
    assertThat(page.next()).isEmpty();
  }

  @Test
  default void entriesComeNewestFirstWithTheirFieldsKept() throws Exception {
    AuditEntry old = new AuditEntry("a1", NOW.minusSeconds(60), "id-admin", "admin", AuditAction.ACCOUNT_CREATED,
        Optional.of("staff-1"), Optional.of("worker"));
    AuditEntry recent = audited("a2", NOW, "camille", AuditAction.LOGIN);
    await(stores().audit().append(old));
    await(stores().audit().append(recent));

    assertThat(await(stores().audit().find(everything(10))).entries()).containsExactly(recent, old);
  }

  @Test
  default void anEntryAppendedTwiceIsKeptOnce() throws Exception {
    AuditEntry entry = audited("a1", NOW, "camille", AuditAction.LOGIN);
    await(stores().audit().append(entry));
    await(stores().audit().append(entry));

    assertThat(await(stores().audit().find(everything(10))).entries()).containsExactly(entry);
  }

  @Test
  default void filtersSelectByTimeActorAndAction() throws Exception {
    AuditEntry early = audited("a1", NOW.minus(Duration.ofHours(2)), "camille", AuditAction.LOGIN);
    AuditEntry middle = audited("a2", NOW.minus(Duration.ofHours(1)), "ioana", AuditAction.LOGIN);
    AuditEntry late = audited("a3", NOW, "camille", AuditAction.CONVERSATION_ENDED);
    for (AuditEntry e : List.of(early, middle, late)) {
      await(stores().audit().append(e));
    }

    assertThat(find(Optional.of(middle.at()), Optional.of(late.at()), Optional.empty(), Optional.empty()))
        .as("from inclusive, to exclusive").containsExactly(middle);
    assertThat(find(Optional.empty(), Optional.empty(), Optional.of("camille"), Optional.empty()))
        .as("by username").containsExactly(late, early);
    assertThat(find(Optional.empty(), Optional.empty(), Optional.of("id-ioana"), Optional.empty()))
        .as("by staff id").containsExactly(middle);
    assertThat(find(Optional.empty(), Optional.empty(), Optional.of("camille"), Optional.of(AuditAction.LOGIN)))
        .containsExactly(early);
    assertThat(find(Optional.empty(), Optional.empty(), Optional.of("nobody"), Optional.empty())).isEmpty();
  }

  private List<AuditEntry> find(Optional<Instant> from, Optional<Instant> to, Optional<String> actor,
      Optional<AuditAction> action) throws Exception {
    return await(stores().audit().find(new AuditQuery(from, to, actor, action, 10, Optional.empty()))).entries();
  }

  @Test
  default void pagesFollowEachOtherWithoutGapsOrRepeatsEvenAtTheSameInstant() throws Exception {
    List<AuditEntry> all = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      // Pairs share an instant: the id orders them.
      AuditEntry entry = audited("a" + i, NOW.plusSeconds(i / 2), "camille", AuditAction.LOGIN);
      all.add(0, entry);
    }
    for (AuditEntry e : all) {
      await(stores().audit().append(e));
    }
    List<AuditEntry> read = new ArrayList<>();
    AuditPage page = await(stores().audit().find(everything(3)));
    read.addAll(page.entries());
    int pages = 1;
    while (page.next().isPresent()) {
      page = await(stores().audit().find(new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty(), 3, page.next())));
      read.addAll(page.entries());
      pages++;
    }

    assertThat(pages).isEqualTo(3);
    assertThat(read).extracting(AuditEntry::id).containsExactly("a6", "a5", "a4", "a3", "a2", "a1", "a0");
  }

  @Test
  default void aFullLastPageSaysThereIsNoNextPage() throws Exception {
    await(stores().audit().append(audited("a1", NOW, "camille", AuditAction.LOGIN)));
    await(stores().audit().append(audited("a2", NOW.plusSeconds(1), "camille", AuditAction.LOGIN)));

    assertThat(await(stores().audit().find(everything(2))).next()).isEmpty();
    assertThat(await(stores().audit().find(everything(1))).next()).isPresent();
  }

  @Test
  default void purgeDeletesEntriesWrittenBeforeTheCutoff() throws Exception {
    AuditEntry old = audited("a1", NOW.minus(Duration.ofDays(181)), "camille", AuditAction.LOGIN);
    AuditEntry atCutoff = audited("a2", NOW.minus(Duration.ofDays(180)), "camille", AuditAction.LOGOUT);
    AuditEntry recent = audited("a3", NOW, "camille", AuditAction.LOGIN);
    for (AuditEntry e : List.of(old, atCutoff, recent)) {
      await(stores().audit().append(e));
    }

    int deleted = await(stores().audit().purge(NOW.minus(Duration.ofDays(180))));

    assertThat(deleted).isEqualTo(1);
    assertThat(await(stores().audit().find(everything(10))).entries()).containsExactly(recent, atCutoff);
    await(stores().audit().append(old));
    assertThat(await(stores().audit().find(everything(10))).entries()).as("a purged id may come back")
        .contains(old);
  }
}
