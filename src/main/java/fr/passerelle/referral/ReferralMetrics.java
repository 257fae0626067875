package fr.passerelle.referral;

/** Metric names of referrals, declared once. They count events, never name a referral or an association. */
public final class ReferralMetrics {
  /** Counter: referral events; tag {@code event} = sent, acknowledged, accepted, declined. */
  public static final String EVENTS = "passerelle.referrals";

  private ReferralMetrics() {}
}
