package fr.passerelle.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down and then locks repeated failed logins per username. In memory and per node: with several nodes an
 * attacker gets at most one lock budget per node. Keyed by a SHA-256 of the lower-cased username, never an IP.
 * Each attempt counts as a failure until it succeeds, so parallel guesses cannot outrun the lock.
 */
public final class LoginThrottle {
  private static final Duration MAX_DELAY = Duration.ofSeconds(2);
  private static final int PRUNE_ABOVE = 10_000;

  private record State(int failures, Instant lockedUntil, Instant lastAttempt) {}

  private final Map<String, State> states = new ConcurrentHashMap<>();
  private final int failuresBeforeLock;
  private final Duration lockDuration;
  private final Duration baseDelay;
  private final Clock clock;

  public LoginThrottle(int failuresBeforeLock, Duration lockDuration, Duration baseDelay, Clock clock) {
    this.failuresBeforeLock = failuresBeforeLock;
    this.lockDuration = lockDuration;
    this.baseDelay = baseDelay;
    this.clock = clock;
  }

  /** Starts an attempt: empty when it may go ahead, else how long the username stays locked. */
  public Optional<Duration> acquire(String username) {
    Instant now = clock.instant();
    prune(now);
    Duration[] locked = {null};
    states.compute(key(username), (k, old) -> {
      State state = old == null || expired(old, now) ? new State(0, Instant.MIN, now) : old;
      if (state.lockedUntil().isAfter(now)) {
        locked[0] = Duration.between(now, state.lockedUntil());
        return state;
      }
      int failures = state.failures() + 1;
      Instant lockedUntil = failures >= failuresBeforeLock ? now.plus(lockDuration) : state.lockedUntil();
      return new State(failures, lockedUntil, now);
    });
    return Optional.ofNullable(locked[0]);
  }

  /** The attempt failed: how long to hold the answer back, growing with consecutive failures. */
  public Duration failed(String username) {
    State state = states.get(key(username));
    int failures = state == null ? 1 : Math.max(1, state.failures());
    Duration delay = baseDelay.multipliedBy(1L << Math.min(failures - 1, 20));
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  /** The password was right: the count starts again. */
  public void succeeded(String username) {
    states.remove(key(username));
  }

  // A finished lock clears the count; a quiet period as long as a lock forgives old failures too.
  private boolean expired(State state, Instant now) {
    boolean lockOver = state.failures() >= failuresBeforeLock && !state.lockedUntil().isAfter(now);
    return lockOver || state.lastAttempt().plus(lockDuration).isBefore(now);
  }

  private void prune(Instant now) {
    if (states.size() > PRUNE_ABOVE) {
      states.entrySet().removeIf(e -> expired(e.getValue(), now) && !e.getValue().lockedUntil().isAfter(now));
    }
  }

  private static String key(String username) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(username.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
