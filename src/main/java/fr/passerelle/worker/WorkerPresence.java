package fr.passerelle.worker;

import java.time.Instant;
import java.util.Set;

/**
 * A worker as routing sees them: what they speak and may handle, how loaded they are. {@code connected} is false
 * for a worker whose sockets all closed while conversations were still theirs: kept, unavailable, until those end.
 */
public record WorkerPresence(
    String workerId,
    String pseudonym,
    Set<String> languages,
    Set<String> skills,
    int capacity,
    boolean available,
    int active,
    Instant lastAssignedAt,
    boolean connected) {

  public int free() {
    return Math.max(0, capacity - active);
  }

  public boolean canTake() {
    return available && free() > 0;
  }

  public WorkerPresence withAvailable(boolean value) {
    return new WorkerPresence(workerId, pseudonym, languages, skills, capacity, value, active, lastAssignedAt,
        connected);
  }

  /** One more conversation, assigned at {@code at}. */
  public WorkerPresence assigned(Instant at) {
    return new WorkerPresence(workerId, pseudonym, languages, skills, capacity, available, active + 1, at,
        connected);
  }

  /** One conversation fewer. */
  public WorkerPresence released() {
    return new WorkerPresence(workerId, pseudonym, languages, skills, capacity, available, Math.max(0, active - 1),
        lastAssignedAt, connected);
  }

  public WorkerPresence disconnected() {
    return new WorkerPresence(workerId, pseudonym, languages, skills, capacity, false, active, lastAssignedAt, false);
  }
}
