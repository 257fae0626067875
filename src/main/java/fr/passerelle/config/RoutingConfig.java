package fr.passerelle.config;

import java.time.Duration;

/**
 * Queue routing: the mode, how long an offer waits for an answer, after how long a visitor may be taken by a
 * worker who does not share their language, and the handling time assumed before any was measured.
 */
public record RoutingConfig(
    RoutingMode mode,
    Duration offerTimeout,
    Duration languageFallback,
    Duration defaultHandlingTime,
    Duration declineCooldown) {

  public static RoutingConfig defaults() {
    return new RoutingConfig(RoutingMode.BOTH, Duration.ofSeconds(30), Duration.ofMinutes(5),
        Duration.ofMinutes(15), Duration.ofMinutes(2));
  }
}
