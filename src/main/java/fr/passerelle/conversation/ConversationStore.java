package fr.passerelle.conversation;

import fr.passerelle.queue.Flag;
import fr.passerelle.queue.QueueEntry;
import fr.passerelle.visitor.VisitorSession;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Conversations and their envelopes. Each operation is atomic (one Redis script in the Redis store); failures
 * are {@link fr.passerelle.http.ApiException}s ({@code UNKNOWN_CONVERSATION}, {@code CONVERSATION_ENDED}, ...).
 */
public interface ConversationStore {

  /** The result of an append: the stored envelope, and whether an envelope with that id existed already. */
  record Appended(Envelope envelope, boolean duplicate) {}

  Future<Optional<Conversation>> find(String id);

  /** The worker's active conversations. */
  Future<List<Conversation>> activeFor(String workerId);

  /**
   * Stores an envelope with the next sequence number and wakes the receiver up, in one step. An envelope whose
   * id the same sender already stored is not stored again: the first one is returned with {@code duplicate} set.
   * Each side's ids are its own: the visitor's "1" and the worker's "1" are two envelopes.
   */
  Future<Appended> append(String conversationId, Party from, String envelopeId, String header, String body,
      Instant now);

  /** Envelopes addressed to {@code to} (sent by the other party) with a sequence number above {@code after}. */
  Future<List<Envelope>> after(String conversationId, Party to, long after);

  /** The receiver processed everything up to {@code seq}: those envelopes addressed to it are deleted. */
  Future<Void> ack(String conversationId, Party by, long seq);

  /** Ends the conversation and frees the worker's slot; its envelopes are purged after the grace period. */
  Future<Conversation> end(String id, Instant now);

  /** Ends the conversation and starts a new one for the same visitor with another worker (capacity checked). */
  Future<Conversation> transfer(String id, String toWorkerId, String newConversationId, Instant now);

  /** Ends the conversation and puts the visitor back in the queue at their original place. */
  Future<QueueEntry> requeue(String id, String newEntryId, Instant now);

  /** Adds a flag (raising priority for any later routing). */
  Future<Conversation> flag(String id, Flag flag);

  /**
   * Records the visitor's answer to a referral request of an active conversation, replacing an earlier answer to
   * the same request (a visitor may withdraw). Fails {@code UNKNOWN_CONVERSATION}, {@code CONVERSATION_ENDED}, or
   * {@code CONFLICT} for a new request once {@link Consent#MAX_PER_CONVERSATION} are recorded.
   */
  Future<Consent> recordConsent(String conversationId, Consent consent);

  /** The visitor's last answer to {@code request} in that conversation, if any (none for an unknown conversation). */
  Future<Optional<Consent>> consent(String conversationId, String request);

  /** Replaces the visitor's ephemeral key (after a transfer the visitor starts a new handshake). */
  Future<Conversation> updateVisitorKey(String id, String visitorKey);

  /**
   * Deletes what has outlived its retention: envelopes older than {@code envelopesBefore}, ended conversations
   * ended before {@code endedBefore}, expired sessions. A conversation ended because its visitor's session expired
   * is announced on its channel as {@code visitor-left}. Returns how many items were deleted.
   */
  default Future<Integer> purge(Instant now, Instant envelopesBefore, Instant endedBefore) {
    return purge(now, envelopesBefore, endedBefore, session -> { });
  }

  /**
   * As {@link #purge(Instant, Instant, Instant)}, and tells {@code timedOut}, once the purge is done, of each session
   * that expired while waiting in the queue (a visitor who gave up without leaving), so it is counted as abandoned.
   */
  Future<Integer> purge(Instant now, Instant envelopesBefore, Instant endedBefore,
      Consumer<VisitorSession> timedOut);
}
