package fr.passerelle.conversation;

import fr.passerelle.queue.Flag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A visitor and their current worker. Carries the queue metadata it came with ({@code order} is the visitor's
 * original place, kept if the conversation goes back to the queue) and the visitor's ephemeral public key.
 */
public record Conversation(
    String id,
    String sessionId,
    String workerId,
    List<String> languages,
    Set<Flag> flags,
    long order,
    String visitorKey,
    Instant startedAt,
    Optional<Instant> endedAt) {

  public boolean active() {
    return endedAt.isEmpty();
  }

  public int priority() {
    return Flag.priorityOf(flags);
  }
}
