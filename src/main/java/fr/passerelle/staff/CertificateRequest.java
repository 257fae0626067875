package fr.passerelle.staff;

import java.time.Instant;

/**
 * A worker's request for a certificate: the public halves of the identity keys their console generated (unpadded
 * base64url, already checked), waiting for an admin to sign them with the organisation key in their own browser.
 */
public record CertificateRequest(String workerId, String dhKey, String signingKey, Instant requestedAt) {

  /** Whether {@code other} asks for the same keys. */
  public boolean sameKeys(CertificateRequest other) {
    return dhKey.equals(other.dhKey) && signingKey.equals(other.signingKey);
  }
}
