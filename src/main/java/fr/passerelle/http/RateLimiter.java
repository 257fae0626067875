package fr.passerelle.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A named token-bucket limit, kept in this node's memory: {@code perSecond} tokens refill each bucket up to
 * {@code burst}. Keys are opaque (a conversation id, a keyed hash of a client); idle buckets are dropped.
 */
public final class RateLimiter {
  private static final int SWEEP_THRESHOLD = 10_000;

  private final String name;
  private final double perSecond;
  private final int burst;
  private final Clock clock;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  private record Bucket(double tokens, long atNanos) {}

  public RateLimiter(String name, double perSecond, int burst, Clock clock) {
    this.name = name;
    this.perSecond = perSecond;
    this.burst = burst;
    this.clock = clock;
  }

  /** Takes one token, or fails {@code rate_limited} with the time until the next token. */
  public void acquire(String key) {
    Optional<Duration> wait = tryAcquire(key);
    if (wait.isPresent()) {
      throw new ApiException(ErrorCode.RATE_LIMITED, "too many " + name + "; slow down", wait);
    }
  }

  /** Drops a key's bucket, e.g. when what it counted is gone: no trace of it stays in memory. */
  public void forget(String key) {
    buckets.remove(key);
  }

  /** Empty when a token was taken; otherwise how long until one is available. */
  public Optional<Duration> tryAcquire(String key) {
    long now = nanos();
    if (buckets.size() > SWEEP_THRESHOLD) {
      buckets.values().removeIf(b -> refill(b, now) >= burst);
    }
    double[] left = new double[1];
    buckets.compute(key, (k, b) -> {
      double tokens = b == null ? burst : refill(b, now);
      left[0] = tokens;
      return new Bucket(tokens >= 1 ? tokens - 1 : tokens, now);
    });
    if (left[0] >= 1) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis((long) Math.ceil((1 - left[0]) / perSecond * 1000)));
  }

  private double refill(Bucket b, long now) {
    return Math.min(burst, b.tokens() + (now - b.atNanos()) / 1e9 * perSecond);
  }

  private long nanos() {
    return clock.instant().toEpochMilli() * 1_000_000L;
  }
}
