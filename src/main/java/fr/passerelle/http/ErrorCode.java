package fr.passerelle.http;

/** Every error a client can see, with its stable wire code and the HTTP status it maps to. */
public enum ErrorCode {
  BAD_JSON("bad_json", 400, "The body or frame is not a JSON object."),
  INVALID_FIELD("invalid_field", 400, "A field is missing, of the wrong type or out of range."),
  BAD_CERTIFICATE("bad_certificate", 400, "The worker certificate was refused."),
  BAD_KEY("bad_key", 400, "The public key was refused."),
  UNKNOWN_TYPE("unknown_type", 400, "Unknown frame type."),
  TOO_LARGE("too_large", 413, "The body or frame is larger than allowed."),
  NOT_AUTHENTICATED("not_authenticated", 401, "Authenticate first."),
  AUTH_FAILED("auth_failed", 401, "Wrong credentials."),
  TOKEN_EXPIRED("token_expired", 401, "The token has expired."),
  ACCOUNT_LOCKED("account_locked", 429, "Too many failed attempts; try again later."),
  ACCOUNT_DISABLED("account_disabled", 403, "This account is disabled."),
  FORBIDDEN("forbidden", 403, "Not allowed for this role or this resource."),
  NOT_FOUND("not_found", 404, "No such resource."),
  UNKNOWN_CONVERSATION("unknown_conversation", 404, "No such conversation, or not yours."),
  UNKNOWN_ASSOCIATION("unknown_association", 404, "No such association."),
  UNKNOWN_ENTRY("unknown_entry", 404, "No such queue entry: it was taken or left."),
  CONVERSATION_ENDED("conversation_ended", 409, "The conversation has ended."),
  ALREADY_QUEUED("already_queued", 409, "Already waiting or in a conversation."),
  NOT_WAITING("not_waiting", 409, "Not in the queue."),
  OFFERED_ELSEWHERE("offered_elsewhere", 409, "This visitor is being offered to another worker."),
  NOT_ELIGIBLE("not_eligible", 409, "This worker cannot take this visitor (language or skill)."),
  AT_CAPACITY("at_capacity", 409, "The worker has no free conversation slot."),
  WORKER_UNAVAILABLE("worker_unavailable", 409, "That colleague is not available."),
  CONFLICT("conflict", 409, "The resource already exists or changed."),
  CONSENT_REQUIRED("consent_required", 409, "The visitor has not consented to this referral."),
  KEY_CHANGED("key_changed", 409, "The association's key has changed: seal to its current key."),
  ASSOCIATION_INACTIVE("association_inactive", 409, "This association takes no referrals now."),
  GONE("gone", 410, "This existed but has been deleted."),
  MAILBOX_FULL("mailbox_full", 409, "This mailbox holds as many letters as it may."),
  QUEUE_FULL("queue_full", 503, "The queue is full; try again later."),
  MAILBOXES_FULL("mailboxes_full", 503, "No new mailbox can be opened now; try again later."),
  RATE_LIMITED("rate_limited", 429, "Too many requests; slow down."),
  SHUTTING_DOWN("shutting_down", 503, "The server is restarting; reconnect shortly."),
  INTERNAL("internal", 500, "Internal error.");

  private final String wire;
  private final int status;
  private final String title;

  ErrorCode(String wire, int status, String title) {
    this.wire = wire;
    this.status = status;
    this.title = title;
  }

  public String wire() {
    return wire;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
