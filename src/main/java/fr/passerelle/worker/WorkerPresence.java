package fr.passerelle.worker;

import java.time.Instant;
import java.util.Set;

/** A connected worker as routing sees them: what they speak and may handle, how loaded they are. */
public record WorkerPresence(
    String workerId,
    String pseudonym,
    Set<String> languages,
    Set<String> skills,
    int capacity,
    boolean available,
    int active,
    Instant lastAssignedAt) {

  public int free() {
    return Math.max(0, capacity - active);
  }

  public boolean canTake() {
    return available && free() > 0;
  }
}
