package fr.passerelle.store;

import java.security.SecureRandom;
import java.util.Base64;

/** Random identifiers and secrets: 128 or 256 bits from a SecureRandom, base64url without padding. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /** A 128-bit random id (22 characters). */
  public static String newId() {
    return random(16);
  }

  /** A 256-bit random secret (43 characters). */
  public static String newSecret() {
    return random(32);
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
