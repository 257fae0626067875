package fr.passerelle.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a cooldown, which worker declined (or let time out) which entry, so the next offer goes to
 * someone else. Kept in this node's memory: losing it only means an offer may be repeated.
 */
public final class OfferDeclines {
  private final Duration cooldown;
  private final Clock clock;
  private final ConcurrentHashMap<String, Instant> until = new ConcurrentHashMap<>();

  public OfferDeclines(Duration cooldown, Clock clock) {
    this.cooldown = cooldown;
    this.clock = clock;
  }

  public void record(String entryId, String workerId) {
    Instant now = clock.instant();
    until.values().removeIf(t -> t.isBefore(now));
    until.put(entryId + "/" + workerId, now.plus(cooldown));
  }

  public boolean recent(String entryId, String workerId) {
    Instant t = until.get(entryId + "/" + workerId);
    return t != null && t.isAfter(clock.instant());
  }
}
