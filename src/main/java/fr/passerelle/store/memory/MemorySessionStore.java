package fr.passerelle.store.memory;

import fr.passerelle.conversation.Conversation;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.visitor.SessionStore;
import fr.passerelle.visitor.VisitorSession;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Visitor sessions in memory. A session whose {@code expiresAt} is not after the current time is treated as gone
 * (the purge deletes it later); {@code erase} leaves nothing of the session behind.
 */
final class MemorySessionStore implements SessionStore {

  private final MemoryState state;

  MemorySessionStore(MemoryState state) {
    this.state = state;
  }

  /** Fails {@code CONFLICT} if the id is taken. */
  @Override
  public Future<Void> create(VisitorSession session) {
    return state.atomically(() -> {
      if (state.sessions.containsKey(session.id())) {
        throw MemoryState.fail(ErrorCode.CONFLICT, "Session id already in use.");
      }
      state.sessions.put(session.id(), copy(session));
      return null;
    });
  }

  @Override
  public Future<Optional<VisitorSession>> find(String id, Instant now) {
    return state.atomically(() -> Optional.ofNullable(state.sessions.get(id))
        .filter(s -> s.expiresAt().isAfter(now))
        .map(MemorySessionStore::copy));
  }

  /** Fails {@code NOT_FOUND} if the session is missing or already expired by the store's clock. */
  @Override
  public Future<Void> touch(String id, Instant expiresAt) {
    return state.atomically(() -> {
      VisitorSession session = state.sessions.get(id);
      if (session == null || !session.expiresAt().isAfter(state.clock.instant())) {
        throw MemoryState.fail(ErrorCode.NOT_FOUND, "No such session.");
      }
      state.sessions.put(id, session.withExpiry(expiresAt));
      return null;
    });
  }

  /**
   * Deletes the session, its queue entry and every conversation it ever had (ended ones too) with their envelopes
   * and dedupe ids; frees the worker's slot. Returns the conversation that was active, now ended. Erasing an
   * unknown session succeeds with nothing to return, so a repeated quick exit is harmless.
   */
  @Override
  public Future<Optional<Conversation>> erase(String id) {
    return state.atomically(() -> {
      state.sessions.remove(id);
      state.removeEntryOfSession(id);
      Optional<Conversation> active = state.activeOfSession(id)
          .map(c -> state.endConversation(c, state.clock.instant()));
      state.conversations.values().stream().filter(c -> c.sessionId().equals(id)).map(Conversation::id)
          .toList().forEach(state::deleteConversation);
      return active;
    });
  }

  // The resume secret hash is an array: neither the caller's nor the store's copy may be shared.
  private static VisitorSession copy(VisitorSession s) {
    return new VisitorSession(s.id(), s.resumeSecretHash().clone(), List.copyOf(s.languages()), s.campaign(),
        s.conversationId(), s.expiresAt());
  }
}
