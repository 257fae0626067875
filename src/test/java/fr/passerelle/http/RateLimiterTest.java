package fr.passerelle.http;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T20:00:00Z"));

  @Test
  void allowsTheBurstThenLimitsUntilTokensRefill() {
    RateLimiter limiter = new RateLimiter("things", 2, 3, clock);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire("k")).isEmpty();
    }
    assertThat(limiter.tryAcquire("k")).hasValueSatisfying(wait -> assertThat(wait).isPositive());
    clock.advance(Duration.ofMillis(500));
    assertThat(limiter.tryAcquire("k")).isEmpty();
  }

  @Test
  void aForgottenKeyStartsAfresh() {
    RateLimiter limiter = new RateLimiter("things", 1, 1, clock);
    assertThat(limiter.tryAcquire("a")).isEmpty();
    limiter.forget("a");
    assertThat(limiter.tryAcquire("a")).isEmpty();
  }

  @Test
  void keysAreIndependent() {
    RateLimiter limiter = new RateLimiter("things", 1, 1, clock);
    assertThat(limiter.tryAcquire("a")).isEmpty();
    assertThat(limiter.tryAcquire("b")).isEmpty();
    assertThat(limiter.tryAcquire("a")).isPresent();
  }

  @Test
  void clientKeysHideTheAddressAndChangeWithTheDay() {
    ClientKeys keys = new ClientKeys(clock);
    String today = keys.keyFor("203.0.113.7");
    // The whole address, in any usual form: a fragment such as "203" turns up in 0.7 % of random hex keys.
    assertThat(today).doesNotContain("203.0.113.7").doesNotContain("cb007107") // the address as hex bytes
        .matches("[0-9a-f]{32}").isEqualTo(keys.keyFor("203.0.113.7"));
    assertThat(keys.keyFor("203.0.113.8")).isNotEqualTo(today);
    clock.advance(Duration.ofDays(1));
    assertThat(keys.keyFor("203.0.113.7")).isNotEqualTo(today);
  }
}
