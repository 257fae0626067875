package fr.passerelle.visitor;

import fr.passerelle.conversation.Conversation;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/** Storage of visitor sessions. Each operation is atomic (one Redis script in the Redis store). */
public interface SessionStore {

  Future<Void> create(VisitorSession session);

  /** The session, if it exists and has not expired at {@code now}. */
  Future<Optional<VisitorSession>> find(String id, Instant now);

  /** Pushes the expiry of a live session forward. */
  Future<Void> touch(String id, Instant expiresAt);

  /**
   * Quick exit: deletes the session, its queue entry, its conversation and every stored envelope at once.
   * Returns the conversation it was in, so its worker can be told the visitor left.
   */
  Future<Optional<Conversation>> erase(String id);
}
