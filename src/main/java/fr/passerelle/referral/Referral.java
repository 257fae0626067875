package fr.passerelle.referral;

import fr.passerelle.statistics.Origin;
import java.time.Instant;
import java.util.Optional;

/**
 * A referral as the server keeps it: the ciphertext (unpadded base64url, until acknowledged or expired) and routing
 * metadata only. {@code workerId} lets the sender follow its status; {@code keyId} names the association key it was
 * sealed to; {@code origin} is the campaign and language of the visitor's session when it was sent, for the
 * statistics counted later; {@code digest} identifies the body it was sent with, so a resend is recognised. Nothing
 * links it to the visitor or the conversation.
 */
public record Referral(
    String id,
    String associationId,
    String workerId,
    String keyId,
    Optional<String> sealed,
    ReferralStatus status,
    Instant created,
    Instant expiresAt,
    Instant updated,
    Origin origin,
    String digest) {

  /** This referral with another status from {@code now}, its ciphertext deleted unless it is still {@code sent}. */
  public Referral moved(ReferralStatus to, Instant now) {
    return new Referral(id, associationId, workerId, keyId, to == ReferralStatus.SENT ? sealed : Optional.empty(),
        to, created, expiresAt, now, origin, digest);
  }
}
