package fr.passerelle.mailbox;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Anonymous mailboxes and their sealed letters. Each operation is atomic. */
public interface MailboxStore {

  /** How full a mailbox, and the store, may get. */
  record Limits(int lettersPerMailbox, int mailboxes) {}

  /** The letter as stored; {@code duplicate} when one with its id was already there, which is then returned. */
  record Appended(StoredLetter letter, boolean duplicate) {}

  /**
   * Adds {@code letter} to mailbox {@code mailboxId}. A visitor's letter ({@code languages} present) creates the
   * mailbox if needed, with those languages; a worker's ({@code languages} empty) fails {@code NOT_FOUND} without it.
   * A letter id already in the mailbox from the same party is a duplicate (nothing changes); from the other party,
   * {@code CONFLICT}. Fails {@code MAILBOX_FULL} at {@code lettersPerMailbox} letters and {@code MAILBOXES_FULL} when a
   * new mailbox would pass {@code mailboxes}.
   */
  Future<Appended> append(String mailboxId, Optional<List<String>> languages, StoredLetter letter, Limits limits);

  Future<Optional<Mailbox>> find(String mailboxId);

  /** Every mailbox: those awaiting a reply first, then the least recently updated first. */
  Future<List<Mailbox>> list();

  /** Deletes a mailbox with its letters; completes with whether it existed. */
  Future<Boolean> delete(String mailboxId);

  /** Deletes the mailboxes whose last letter is older than {@code updatedBefore}; completes with how many items went. */
  Future<Integer> purge(Instant updatedBefore);
}
