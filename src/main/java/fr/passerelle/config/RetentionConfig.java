package fr.passerelle.config;

import java.time.Duration;

/**
 * How long each kind of data lives. Short by design: a session idle longer than {@code session} is gone,
 * a dropped connection may resume within {@code resumeGrace}, undelivered envelopes live at most
 * {@code envelope}, an ended conversation's envelopes are deleted after {@code endedGrace}, and a mailbox goes
 * {@code mailbox} after its last letter. The anonymous statistics aggregates, which hold no personal data, are
 * kept {@code statistics} (five years by default, for reports to funders); a month goes once it is entirely older.
 */
public record RetentionConfig(
    Duration session,
    Duration resumeGrace,
    Duration envelope,
    Duration endedGrace,
    Duration purgeInterval,
    Duration mailbox,
    Duration statistics) {

  public static RetentionConfig defaults() {
    return new RetentionConfig(Duration.ofHours(12), Duration.ofMinutes(10), Duration.ofHours(24),
        Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofDays(7),
        Duration.ofDays(1827));
  }
}
