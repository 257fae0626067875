package fr.passerelle.audit;

import fr.passerelle.staff.StaffPrincipal;
import fr.passerelle.store.Ids;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Writes audit entries where staff actions happen. Recording never fails the action it follows: a store error is
 * logged (its class only) and the action's answer goes out.
 */
public final class Auditor {
  private static final Logger LOG = Logger.getLogger(Auditor.class.getName());

  private final AuditLog log;
  private final Clock clock;

  public Auditor(AuditLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /** Records an action with no target. */
  public Future<Void> record(StaffPrincipal actor, AuditAction action) {
    return record(actor.staffId(), actor.username(), action, Optional.empty(), Optional.empty());
  }

  /** Records an action on a target (a staff account or canned reply id; never anything that leads to a visitor). */
  public Future<Void> record(StaffPrincipal actor, AuditAction action, String target) {
    return record(actor.staffId(), actor.username(), action, Optional.of(target), Optional.empty());
  }

  /** Records an action; {@code detail} is a word from a closed list (a role, a flag, field names), never free text. */
  public Future<Void> record(String actorId, String actorUsername, AuditAction action, Optional<String> target,
      Optional<String> detail) {
    AuditEntry entry = new AuditEntry(Ids.newId(), clock.instant(), actorId, actorUsername, action, target, detail);
    return log.append(entry).recover(e -> {
      LOG.warning(() -> "audit entry " + action.wire() + " not written: " + e.getClass().getName());
      return Future.succeededFuture();
    });
  }
}
