package fr.passerelle.statistics;

import java.util.Arrays;
import java.util.Optional;

/** What a statistics cell counts; each is one event, counted when it happens. */
public enum Measure {
  /** A visitor session was created (the widget opened a chat). */
  SESSIONS_STARTED("sessionsStarted"),
  /** A visitor joined the queue. */
  QUEUE_JOINED("queueJoined"),
  /** A visitor left the queue before a worker took them: left, quick exit, or the session timed out. */
  ABANDONED("abandoned"),
  /** A worker took a visitor from the queue. */
  CONVERSATIONS("conversations"),
  /** A worker flagged a conversation "possible minor". */
  POSSIBLE_MINOR("possibleMinor"),
  /** A sealed referral was sent to an association. */
  REFERRALS_SENT("referralsSent"),
  /** An association acknowledged a referral. */
  REFERRALS_ACKNOWLEDGED("referralsAcknowledged"),
  /** An association accepted a referral. */
  REFERRALS_ACCEPTED("referralsAccepted"),
  /** A visitor left a letter in the anonymous mailbox. */
  LETTERS("letters");

  private final String wire;

  Measure(String wire) {
    this.wire = wire;
  }

  /** The name in JSON and CSV. */
  public String wire() {
    return wire;
  }

  public static Optional<Measure> fromWire(String value) {
    return Arrays.stream(values()).filter(m -> m.wire.equals(value)).findFirst();
  }
}
