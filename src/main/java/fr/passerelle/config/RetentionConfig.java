package fr.passerelle.config;

import java.time.Duration;

/**
 * How long each kind of data lives. Short by design: a session idle longer than {@code session} is gone,
 * a dropped connection may resume within {@code resumeGrace}, undelivered envelopes live at most
 * {@code envelope}, an ended conversation's envelopes are deleted after {@code endedGrace}, a mailbox goes
 * {@code mailbox} after its last letter, and an audit entry (staff accountability, no content) after {@code audit}.
 * The anonymous statistics aggregates, which hold no personal data, are kept {@code statistics} (five years by
 * default, for reports to funders); a month goes once it is entirely older. A sealed referral nobody acknowledged
 * expires {@code referral} after it was sent (its ciphertext deleted, its status record kept), and a referral's
 * status record goes {@code referral} after its last change; admins are warned {@code referralWarning} before an
 * unacknowledged referral expires. A new kind of data adds its component
 * here, a row in docs/configuration.md and a step in the retention purge.
 */
public record RetentionConfig(
    Duration session,
    Duration resumeGrace,
    Duration envelope,
    Duration endedGrace,
    Duration purgeInterval,
    Duration mailbox,
    Duration statistics,
    Duration audit,
    Duration referral,
    Duration referralWarning) {

  /**
   * Audit entries last 180 days by default: long enough to answer a question about a staff action months later,
   * within the 6 months to 1 year the CNIL recommends for access logs (docs/operations.md).
   */
  public static final Duration DEFAULT_AUDIT = Duration.ofDays(180);

  public static RetentionConfig defaults() {
    return new RetentionConfig(Duration.ofHours(12), Duration.ofMinutes(10), Duration.ofHours(24),
        Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofDays(7), Duration.ofDays(1827), DEFAULT_AUDIT,
        Duration.ofDays(30), Duration.ofDays(3));
  }
}
