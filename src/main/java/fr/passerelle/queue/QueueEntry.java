package fr.passerelle.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A visitor waiting for a worker. {@code id} is the entry's own random id (workers never see session ids);
 * {@code order} is its place in arrival order, kept when an offer times out or a worker sends it back.
 * {@code visitorKey} is the visitor's ephemeral public key, opaque to the server.
 */
public record QueueEntry(
    String id,
    String sessionId,
    List<String> languages,
    Set<Flag> flags,
    Optional<String> topic,
    String visitorKey,
    long order,
    Instant enqueuedAt,
    Optional<Offer> offer) {

  /** An outstanding push offer of this entry to one worker. */
  public record Offer(String workerId, Instant expiresAt) {}

  public int priority() {
    return Flag.priorityOf(flags);
  }

  public boolean offeredAt(Instant now) {
    return offer.filter(o -> o.expiresAt().isAfter(now)).isPresent();
  }

  public QueueEntry withOffer(Optional<Offer> newOffer) {
    return new QueueEntry(id, sessionId, languages, flags, topic, visitorKey, order, enqueuedAt, newOffer);
  }

  public QueueEntry withKey(String key) {
    return new QueueEntry(id, sessionId, languages, flags, topic, key, order, enqueuedAt, offer);
  }
}
