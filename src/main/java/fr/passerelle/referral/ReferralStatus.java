package fr.passerelle.referral;

import java.util.Locale;

/**
 * Where a referral stands: {@code sent} until the association acknowledges it ({@code received}, its ciphertext
 * deleted), then {@code accepted} or {@code declined}; {@code expired} when the purge deleted it unacknowledged.
 */
public enum ReferralStatus {
  SENT, RECEIVED, ACCEPTED, DECLINED, EXPIRED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the association made its decision, after which nothing changes. */
  public boolean decided() {
    return this == ACCEPTED || this == DECLINED;
  }
}
