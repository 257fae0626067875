package fr.passerelle.queue;

import fr.passerelle.conversation.Conversation;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The waiting queue. Each operation is atomic (one Redis script in the Redis store). Failures are
 * {@link fr.passerelle.http.ApiException}s with the codes named below.
 */
public interface QueueStore {

  /**
   * Adds a visitor at the end of the queue ({@code entry.order()} is assigned here unless it is positive).
   * Fails {@code ALREADY_QUEUED} if the session waits or talks already, {@code QUEUE_FULL} past {@code maxLength}.
   */
  Future<QueueEntry> enqueue(QueueEntry entry, int maxLength);

  /** Removes the session's entry; false if it was not waiting. */
  Future<Boolean> leave(String sessionId);

  /** Every waiting entry, highest priority first, then in arrival order. */
  Future<List<QueueEntry>> waiting();

  Future<Optional<QueueEntry>> findBySession(String sessionId);

  /** Replaces the visitor's ephemeral public key while waiting. */
  Future<Boolean> updateKey(String sessionId, String visitorKey);

  /** Reserves the entry for one worker until {@code expiresAt}; false if offered to someone else or gone. */
  Future<Boolean> offer(String entryId, String workerId, Instant expiresAt, Instant now);

  /** Withdraws a worker's offer (declined or timed out): the entry stays at its place. */
  Future<Optional<QueueEntry>> clearOffer(String entryId, String workerId);

  /**
   * A worker takes the entry: removes it, creates the conversation, links the session, counts the worker's slot.
   * Fails {@code UNKNOWN_ENTRY}, {@code OFFERED_ELSEWHERE} or {@code AT_CAPACITY}.
   */
  Future<Conversation> claim(String entryId, String workerId, String conversationId, Instant now);
}
