package fr.passerelle.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Staff authentication: token lifetimes, the ES256 key pair that signs access tokens (PEM; generated in memory
 * at start-up when absent, which logs everyone out on restart), the failed-login lockout, and how often an open
 * staff socket checks that its account is still enabled.
 */
public record AuthConfig(
    String issuer,
    Duration accessTokenTtl,
    Duration refreshTokenTtl,
    Optional<String> jwtPrivateKeyPem,
    Optional<String> jwtPublicKeyPem,
    int failuresBeforeLock,
    Duration lockDuration,
    Duration accountRecheck) {

  public static AuthConfig defaults() {
    return new AuthConfig("passerelle", Duration.ofMinutes(15), Duration.ofHours(12), Optional.empty(),
        Optional.empty(), 5, Duration.ofMinutes(15), Duration.ofSeconds(30));
  }
}
