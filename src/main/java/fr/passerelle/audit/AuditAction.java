package fr.passerelle.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every staff action the audit log records, with its wire name. A feature that adds a staff action adds a constant
 * here (and a row in docs/api.md), then records it where the action happens, through {@link Auditor}.
 */
public enum AuditAction {
  /** A staff member logged in. */
  LOGIN("login"),
  /** Wrong password, or a disabled account, for an existing username; unknown usernames are not recorded. */
  LOGIN_FAILED("login-failed"),
  /** One device's session ended. */
  LOGOUT("logout"),
  /** Every session of the account ended. */
  LOGOUT_EVERYWHERE("logout-everywhere"),
  /** An admin created an account; target: the new account, detail: its role. */
  ACCOUNT_CREATED("account-created"),
  /** An admin changed an account's profile; target: the account, detail: the fields changed. */
  ACCOUNT_CHANGED("account-changed"),
  /** An admin disabled an account; target: the account. */
  ACCOUNT_DISABLED("account-disabled"),
  /** An admin enabled an account; target: the account. */
  ACCOUNT_ENABLED("account-enabled"),
  /** An admin set an account's password; target: the account. */
  PASSWORD_CHANGED("password-changed"),
  /** A worker asked for a certificate from the console. */
  CERTIFICATE_REQUESTED("certificate-requested"),
  /** A worker uploaded their own certificate (detail {@code demo}: the demo node signed it). */
  CERTIFICATE_UPLOADED("certificate-uploaded"),
  /** An admin uploaded a certificate they signed for a worker; target: the worker. */
  CERTIFICATE_SIGNED("certificate-signed"),
  /** A worker took a visitor from the queue or an offer. */
  CONVERSATION_ACCEPTED("conversation-accepted"),
  /** A worker handed a conversation on; target: the colleague, detail: {@code worker} or {@code queue}. */
  CONVERSATION_TRANSFERRED("conversation-transferred"),
  /** A worker ended a conversation. */
  CONVERSATION_ENDED("conversation-ended"),
  /** A worker flagged a conversation; detail: the flag. */
  CONVERSATION_FLAGGED("conversation-flagged"),
  /** An admin changed the opening hours. */
  HOURS_CHANGED("hours-changed"),
  /** An admin added a canned reply; target: the reply. */
  CANNED_REPLY_CREATED("canned-reply-created"),
  /** An admin replaced a canned reply; target: the reply. */
  CANNED_REPLY_CHANGED("canned-reply-changed"),
  /** An admin deleted a canned reply; target: the reply. */
  CANNED_REPLY_DELETED("canned-reply-deleted"),
  /** A worker answered a mailbox (which one is not recorded). */
  MAILBOX_ANSWERED("mailbox-answered"),
  /** A worker or admin discarded a mailbox (which one is not recorded). */
  MAILBOX_DISCARDED("mailbox-discarded"),
  /** An admin added an association to the directory; target: the association. */
  ASSOCIATION_CREATED("association-created"),
  /** An admin changed an association's details or (de)activated it; target: the association. */
  ASSOCIATION_CHANGED("association-changed"),
  /** An admin registered an association's new public key; target: the association. */
  ASSOCIATION_KEY_REGISTERED("association-key-registered"),
  /** An admin registered a campaign code; target: the code. */
  CAMPAIGN_CREATED("campaign-created"),
  /** An admin changed a campaign's label or département; target: the code. */
  CAMPAIGN_CHANGED("campaign-changed"),
  /** A worker sent a sealed referral; target: the association (the referral id is not recorded). */
  REFERRAL_SENT("referral-sent"),
  /** An intake officer fetched a sealed referral; target: their association. */
  REFERRAL_OPENED("referral-opened"),
  /** An intake officer acknowledged a referral (its ciphertext is deleted); target: their association. */
  REFERRAL_ACKNOWLEDGED("referral-acknowledged"),
  /** An intake officer accepted a referral; target: their association. */
  REFERRAL_ACCEPTED("referral-accepted"),
  /** An intake officer declined a referral; target: their association. */
  REFERRAL_DECLINED("referral-declined");

  private final String wire;

  AuditAction(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<AuditAction> fromWire(String value) {
    return Arrays.stream(values()).filter(a -> a.wire.equals(value)).findFirst();
  }
}
