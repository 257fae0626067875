package fr.passerelle.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * One staff action: when, who (staff id and username), what, and on what. Never content, tokens, addresses, nor any
 * id that leads to a visitor: {@code target} is a staff account or a canned reply, {@code detail} a word from a
 * closed list (a role, a flag, field names).
 */
public record AuditEntry(
    String id,
    Instant at,
    String actorId,
    String actorUsername,
    AuditAction action,
    Optional<String> target,
    Optional<String> detail) {

  /** Where this entry sits in the log's order, newest first. */
  public AuditCursor position() {
    return new AuditCursor(at, id);
  }
}
