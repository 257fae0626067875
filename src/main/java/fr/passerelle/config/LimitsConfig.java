package fr.passerelle.config;

import java.time.Duration;

/**
 * Abuse limits: frame and body sizes, envelope rates (per conversation and party), queue length, session creation
 * and login rates, errors tolerated before a socket is closed, how long a socket may stay unauthenticated, and the
 * size of a sealed letter, letters per mailbox and mailboxes in all (docs/protocol.md 12.12), and the size of a
 * sealed referral (docs/protocol.md 12.8).
 */
public record LimitsConfig(
    int maxFrameBytes,
    int maxBodyBytes,
    int envelopesPerSecond,
    int envelopeBurst,
    int maxQueueLength,
    int sessionsPerMinute,
    int loginsPerMinute,
    int errorsBeforeClose,
    Duration authTimeout,
    int letterBytes,
    int lettersPerMailbox,
    int mailboxes,
    int referralBytes) {

  public static LimitsConfig defaults() {
    return new LimitsConfig(65_536, 16_384, 5, 20, 500, 10, 10, 20, Duration.ofSeconds(10), 65_536, 50, 10_000,
        16_384);
  }
}
