package fr.passerelle.visitor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A visitor's anonymous presence, and all the server keeps of it: a random id, the hash of the resume secret,
 * the chosen languages, an optional campaign code, the conversation it is in, and when it expires.
 */
public record VisitorSession(
    String id,
    byte[] resumeSecretHash,
    List<String> languages,
    Optional<String> campaign,
    Optional<String> conversationId,
    Instant expiresAt) {

  public VisitorSession withConversation(Optional<String> conversation) {
    return new VisitorSession(id, resumeSecretHash, languages, campaign, conversation, expiresAt);
  }

  public VisitorSession withExpiry(Instant expiry) {
    return new VisitorSession(id, resumeSecretHash, languages, campaign, conversationId, expiry);
  }
}
