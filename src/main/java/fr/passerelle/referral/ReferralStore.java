package fr.passerelle.referral;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sealed referrals and their status, shared by every node. Each operation is atomic. */
public interface ReferralStore {

  /** The referral stored, and whether it was there already (a resend of the same body by the same worker). */
  record Stored(Referral referral, boolean duplicate) {}

  /** The referral after a status change, and whether this call changed it (false when repeated). */
  record Changed(Referral referral, boolean changed) {}

  /**
   * Stores a new referral. If its id is taken by a referral of the same worker with the same digest, that one is
   * returned as a duplicate; by any other, it fails {@code CONFLICT}.
   */
  Future<Stored> create(Referral referral);

  Future<Optional<Referral>> find(String id);

  /** The worker's referrals, newest first. */
  Future<List<Referral>> ofWorker(String workerId);

  /** The association's referrals, oldest first. */
  Future<List<Referral>> ofAssociation(String associationId);

  /**
   * Marks a {@code sent} referral {@code received} and deletes its ciphertext; repeated, it changes nothing. Fails
   * {@code NOT_FOUND} for an unknown id and {@code GONE} for an expired one.
   */
  Future<Changed> acknowledge(String id, Instant now);

  /**
   * Records the association's decision ({@code ACCEPTED} or {@code DECLINED}) on a {@code received} referral; the same
   * decision again changes nothing. Fails {@code NOT_FOUND} for an unknown id and {@code CONFLICT} when it was not
   * acknowledged, expired, or got the other decision.
   */
  Future<Changed> decide(String id, ReferralStatus decision, Instant now);

  /** Unacknowledged referrals that expire before {@code before}, soonest first. */
  Future<List<Referral>> expiringBefore(Instant before);

  /**
   * Expires every {@code sent} referral whose {@code expiresAt} has come (ciphertext deleted, status {@code expired},
   * updated {@code now}), and deletes the other referrals last changed before {@code changedBefore}. Returns how
   * many were expired or deleted.
   */
  Future<Integer> purge(Instant now, Instant changedBefore);
}
