package fr.passerelle.conversation;

import java.time.Instant;

/**
 * What the server keeps of a visitor's answer to a referral request (docs/protocol.md 3, {@code consent}): which
 * request, yes or no, and when. The request itself and the answer's wording travel encrypted in the conversation;
 * this record lives and dies with the conversation.
 */
public record Consent(String request, boolean given, Instant at) {
  /** How many requests one conversation may have answers for. */
  public static final int MAX_PER_CONVERSATION = 20;
}
