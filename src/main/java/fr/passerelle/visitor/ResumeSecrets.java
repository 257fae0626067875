package fr.passerelle.visitor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Resume secrets are 256 random bits, so a plain SHA-256 is enough to store them: nothing to brute-force.
 * Comparison is constant-time.
 */
public final class ResumeSecrets {
  private ResumeSecrets() {}

  public static byte[] hash(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean matches(String secret, byte[] hash) {
    return MessageDigest.isEqual(hash(secret), hash);
  }
}
