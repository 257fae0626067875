package fr.passerelle.store.memory;

import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.mailbox.Mailbox;
import fr.passerelle.mailbox.MailboxStore;
import fr.passerelle.mailbox.StoredLetter;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Mailboxes in this process's memory; every method holds one lock, so each is atomic. */
public final class MemoryMailboxStore implements MailboxStore {
  private static final Comparator<Mailbox> ORDER = Comparator.comparing((Mailbox m) -> !m.awaitingReply())
      .thenComparing(Mailbox::updated).thenComparing(Mailbox::id);

  private final Map<String, Mailbox> byId = new HashMap<>();

  @Override
  public synchronized Future<Appended> append(String mailboxId, Optional<List<String>> languages,
      StoredLetter letter, Limits limits) {
    Mailbox mailbox = byId.get(mailboxId);
    if (mailbox == null) {
      if (languages.isEmpty()) {
        return Future.failedFuture(new ApiException(ErrorCode.NOT_FOUND, "no such mailbox"));
      }
      if (byId.size() >= limits.mailboxes()) {
        return Future.failedFuture(ApiException.of(ErrorCode.MAILBOXES_FULL));
      }
      mailbox = new Mailbox(mailboxId, List.copyOf(languages.get()), letter.at(), letter.at(), List.of());
    }
    Optional<StoredLetter> same = mailbox.letters().stream().filter(l -> l.id().equals(letter.id())).findFirst();
    if (same.isPresent()) {
      return same.get().from() == letter.from() ? Future.succeededFuture(new Appended(same.get(), true))
          : Future.failedFuture(new ApiException(ErrorCode.CONFLICT, "this letter id is taken"));
    }
    if (mailbox.letters().size() >= limits.lettersPerMailbox()) {
      return Future.failedFuture(ApiException.of(ErrorCode.MAILBOX_FULL));
    }
    List<StoredLetter> letters = new ArrayList<>(mailbox.letters());
    letters.add(letter);
    byId.put(mailboxId, new Mailbox(mailboxId, mailbox.languages(), mailbox.created(), letter.at(),
        List.copyOf(letters)));
    return Future.succeededFuture(new Appended(letter, false));
  }

  @Override
  public synchronized Future<Optional<Mailbox>> find(String mailboxId) {
    return Future.succeededFuture(Optional.ofNullable(byId.get(mailboxId)));
  }

  @Override
  public synchronized Future<List<Mailbox>> list() {
    return Future.succeededFuture(byId.values().stream().sorted(ORDER).toList());
  }

  @Override
  public synchronized Future<Boolean> delete(String mailboxId) {
    return Future.succeededFuture(byId.remove(mailboxId) != null);
  }

  @Override
  public synchronized Future<Integer> purge(Instant updatedBefore) {
    List<Mailbox> old = byId.values().stream().filter(m -> m.updated().isBefore(updatedBefore)).toList();
    int deleted = 0;
    for (Mailbox mailbox : old) {
      byId.remove(mailbox.id());
      deleted += 1 + mailbox.letters().size();
    }
    return Future.succeededFuture(deleted);
  }
}
