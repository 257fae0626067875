package fr.passerelle.mailbox;

import fr.passerelle.conversation.Party;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An anonymous mailbox (docs/protocol.md 12.12): known by the id its visitor's message code derives, never by the
 * code or the token. It holds the visitor's languages, given with the first letter, and the letters in the order they
 * were stored; {@code updated} is the time of the last one.
 */
public record Mailbox(String id, List<String> languages, Instant created, Instant updated, List<StoredLetter> letters) {

  /** Whether the last letter is the visitor's: someone should answer. */
  public boolean awaitingReply() {
    return !letters.isEmpty() && letters.get(letters.size() - 1).from() == Party.VISITOR;
  }

  /** When retention deletes it, unless another letter comes first. */
  public Instant expiresAt(Duration retention) {
    return updated.plus(retention);
  }
}
