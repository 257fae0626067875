package fr.passerelle.staff;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private final MutableClock clock = new MutableClock();
  private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(15), Duration.ofMillis(200), clock);

  @Test
  void failureDelayDoublesAndIsCappedAtTwoSeconds() {
    for (long expected : new long[] {200, 400, 800, 1600}) {
      assertThat(throttle.acquire("camille")).isEmpty();
      assertThat(throttle.failed("camille")).isEqualTo(Duration.ofMillis(expected));
    }
    assertThat(throttle.acquire("camille")).isEmpty();
    assertThat(throttle.failed("camille")).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void locksAfterConsecutiveFailuresWhateverTheCaseUntilTheLockEnds() {
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.acquire("Camille")).isEmpty();
      throttle.failed("Camille");
    }
    assertThat(throttle.acquire("camille")).contains(Duration.ofMinutes(15));
    clock.advance(Duration.ofMinutes(10));
    assertThat(throttle.acquire("CAMILLE")).contains(Duration.ofMinutes(5));
    clock.advance(Duration.ofMinutes(5));
    assertThat(throttle.acquire("camille")).isEmpty();
  }

  @Test
  void parallelAttemptsCountBeforeTheyFinish() {
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.acquire("camille")).isEmpty();
    }
    assertThat(throttle.acquire("camille")).isPresent();
  }

  @Test
  void successStartsTheCountAgainAndOtherNamesAreUnaffected() {
    for (int i = 0; i < 4; i++) {
      throttle.acquire("camille");
    }
    throttle.succeeded("camille");
    for (int i = 0; i < 4; i++) {
      assertThat(throttle.acquire("camille")).isEmpty();
    }
    assertThat(throttle.acquire("dominique")).isEmpty();
  }
}
