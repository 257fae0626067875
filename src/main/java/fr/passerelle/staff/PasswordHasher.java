package fr.passerelle.staff;

import fr.passerelle.crypto.Argon2id;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hashes and checks staff passwords with Argon2id, stored as PHC strings, off the event loop. */
public final class PasswordHasher {
  static final int MEMORY_KIB = 19_456;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Pattern PHC = Pattern.compile(
      "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,})\\$([A-Za-z0-9+/]{22,})");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODE = Base64.getDecoder();

  private final Vertx vertx;
  private final SecureRandom random = new SecureRandom();

  public PasswordHasher(Vertx vertx) {
    this.vertx = vertx;
  }

  /** A fresh salt and hash of {@code password}, in PHC format. */
  public Future<String> hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return vertx.executeBlocking(() -> hashNow(password, salt), false);
  }

  /** Whether {@code password} matches; false for a malformed stored string. */
  public Future<Boolean> verify(char[] password, String encoded) {
    return vertx.executeBlocking(() -> verifyNow(password, encoded), false);
  }

  /**
   * A well-formed hash with the current parameters that matches no password: verifying against it costs as much
   * as a real check, so an unknown username takes as long as a wrong password.
   */
  String dummyHash() {
    byte[] salt = new byte[SALT_BYTES];
    byte[] hash = new byte[HASH_BYTES];
    random.nextBytes(salt);
    random.nextBytes(hash);
    return encode(MEMORY_KIB, ITERATIONS, PARALLELISM, salt, hash);
  }

  static String hashNow(char[] password, byte[] salt) {
    byte[] hash = Argon2id.derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    return encode(MEMORY_KIB, ITERATIONS, PARALLELISM, salt, hash);
  }

  static boolean verifyNow(char[] password, String encoded) {
    return parse(encoded).map(p -> {
      byte[] actual = Argon2id.derive(password, p.salt(), p.memoryKib(), p.iterations(), p.parallelism(),
          p.hash().length);
      return MessageDigest.isEqual(actual, p.hash());
    }).orElse(false);
  }

  private record Parsed(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {}

  private static Optional<Parsed> parse(String encoded) {
    Matcher m = PHC.matcher(encoded);
    if (!m.matches()) {
      return Optional.empty();
    }
    int memory = Integer.parseInt(m.group(1));
    int iterations = Integer.parseInt(m.group(2));
    int parallelism = Integer.parseInt(m.group(3));
    // Bounds keep a tampered stored string from making the server spend unbounded memory or time.
    if (memory < 8 * parallelism || memory > 1_048_576 || iterations < 1 || parallelism < 1) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Parsed(memory, iterations, parallelism, B64_DECODE.decode(m.group(4)),
          B64_DECODE.decode(m.group(5))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }



  private static String encode(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
    return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$" + B64.encodeToString(salt)
        + "$" + B64.encodeToString(hash);
  }
}
