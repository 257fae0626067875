package fr.passerelle.store.memory;

import fr.passerelle.conversation.Conversation;
import fr.passerelle.visitor.VisitorSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One retention pass over the in-memory state; runs under the state lock. */
final class MemoryPurge {

  private final MemoryState state;
  private final List<String> ended = new ArrayList<>();
  private final List<VisitorSession> timedOut = new ArrayList<>();

  MemoryPurge(MemoryState state) {
    this.state = state;
  }

  /** The conversations this pass ended because their visitor's session expired. */
  List<String> ended() {
    return ended;
  }

  /** The sessions this pass deleted while they waited in the queue. */
  List<VisitorSession> timedOut() {
    return timedOut;
  }

  int run(Instant now, Instant envelopesBefore, Instant endedBefore) {
    int deleted = 0;
    for (ConversationLog log : state.logs.values()) {
      deleted += log.purgeBefore(envelopesBefore);
    }
    List<VisitorSession> expired = state.sessions.values().stream()
        .filter(s -> !s.expiresAt().isAfter(now)).toList();
    for (VisitorSession session : expired) {
      state.sessions.remove(session.id());
      boolean waiting = state.removeEntryOfSession(session.id()).isPresent();
      if (waiting) {
        timedOut.add(session);
      }
      deleted += waiting ? 2 : 1;
      // Ending frees the worker's slot; the conversation itself follows the ended-conversation retention.
      state.activeOfSession(session.id()).ifPresent(c -> ended.add(state.endConversation(c, now).id()));
    }
    List<String> old = state.conversations.values().stream()
        .filter(c -> c.endedAt().filter(t -> t.isBefore(endedBefore)).isPresent())
        .map(Conversation::id).toList();
    for (String id : old) {
      deleted += state.deleteConversation(id);
    }
    return deleted;
  }
}
