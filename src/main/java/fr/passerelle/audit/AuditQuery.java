package fr.passerelle.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Which entries to read: written in {@code [from, to)}, by an actor (staff id or username), of one action, at most
 * {@code limit} of them, after {@code cursor} (a previous page's last).
 */
public record AuditQuery(
    Optional<Instant> from,
    Optional<Instant> to,
    Optional<String> actor,
    Optional<AuditAction> action,
    int limit,
    Optional<AuditCursor> cursor) {

  /** Whether an entry passes every filter (the cursor and limit aside). */
  public boolean matches(AuditEntry entry) {
    return from.map(f -> !entry.at().isBefore(f)).orElse(true)
        && to.map(t -> entry.at().isBefore(t)).orElse(true)
        && actor.map(a -> a.equals(entry.actorId()) || a.equals(entry.actorUsername())).orElse(true)
        && action.map(a -> a == entry.action()).orElse(true);
  }
}
