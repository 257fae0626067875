package fr.passerelle.e2e;

import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.crypto.Ed25519;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.crypto.X25519;
import java.security.SecureRandom;

/** A worker's two identity key pairs, whose public halves its {@link WorkerCertificate} carries. */
public record WorkerKeys(X25519.KeyPair identityDh, Ed25519.KeyPair identitySigning) {

  /** Fresh identity keys, for a certificate still to be signed. */
  public static WorkerKeys generate(SecureRandom random) {
    return new WorkerKeys(X25519.generate(random), Ed25519.generate(random));
  }

  /**
   * The fields of {@code certificate}, checked for structure and for carrying exactly these public keys, so that a
   * worker never sends a certificate its own keys cannot stand behind. The signature is the receiver's to check.
   */
  WorkerCertificate requireCertifies(byte[] certificate) {
    WorkerCertificate parsed = WorkerCertificate.parse(certificate);
    if (!Bytes.equal(parsed.identityDhKey(), identityDh.publicKey())
        || !Bytes.equal(parsed.identitySigningKey(), identitySigning.publicKey())) {
      throw new CryptoException(CryptoException.Reason.BAD_CERTIFICATE, "the certificate is for other identity keys");
    }
    return parsed;
  }
}
