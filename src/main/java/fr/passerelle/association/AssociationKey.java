package fr.passerelle.association;

import fr.passerelle.e2e.AssociationKeyFingerprint;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One public HPKE key (X25519) an association registered, with the period it was the key referrals are sealed to:
 * from {@code since} until {@code until}, empty while it is the current key. Old keys stay listed so that the holder
 * of an old private key knows which referrals it opens.
 */
public record AssociationKey(byte[] publicKey, Instant since, Optional<Instant> until) {

  public AssociationKey {
    publicKey = publicKey.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** Its key id and the digits to compare by phone. */
  public AssociationKeyFingerprint fingerprint() {
    return AssociationKeyFingerprint.of(publicKey);
  }

  public boolean current() {
    return until.isEmpty();
  }

  /** Equal when the key bytes and the period are: a record compares arrays by identity otherwise. */
  @Override
  public boolean equals(Object other) {
    return other instanceof AssociationKey k && Arrays.equals(publicKey, k.publicKey) && since.equals(k.since)
        && until.equals(k.until);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(publicKey), since, until);
  }

  @Override
  public String toString() {
    return "AssociationKey[" + fingerprint().keyId() + ", since " + since + until.map(u -> ", until " + u).orElse("")
        + "]";
  }
}
