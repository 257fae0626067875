package fr.passerelle.cli;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.crypto.Ed25519;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.crypto.X25519;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/** {@code keys sign-worker}: signs a worker certificate with the organisation root key and prints it. */
final class SignWorker {
  static final Set<String> OPTIONS = Set.of("--key", "--passphrase-file", "--worker-id", "--pseudonym", "--dh-key",
      "--signing-key", "--days", "--not-before");
  static final int DEFAULT_DAYS = 30;
  static final int MAX_DAYS = 90;

  private SignWorker() {}

  static void run(String[] args, PrintStream out, PrintStream err, Clock clock, Terminal terminal) {
    Options options = Options.parse(args, OPTIONS);
    // Every field is checked before the key file is opened, so a typo costs no passphrase.
    Path keyPath = options.path("--key");
    Optional<Path> passphraseFile = options.optionalPath("--passphrase-file");
    String workerId = options.text("--worker-id");
    String pseudonym = options.text("--pseudonym");
    byte[] dhKey = options.key("--dh-key", X25519.KEY_LENGTH);
    requireDhKey(dhKey);
    byte[] signingKey = options.key("--signing-key", Ed25519.KEY_LENGTH);
    // Same check as Ed25519.verify applies (canonical, on the curve, not small order); the certificate repeats it.
    if (!org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFull(signingKey, 0)) {
      throw CliException.usage("--signing-key is not a valid Ed25519 public key");
    }
    int days = options.number("--days", 1, MAX_DAYS, DEFAULT_DAYS);
    Instant now = clock.instant();
    Instant notBefore = notBefore(options, now);
    Instant notAfter = plusDays(notBefore, days);
    if (!notAfter.isAfter(now)) {
      throw CliException.usage("--not-before " + notBefore + " plus " + days + " days is already in the past");
    }

    KeyFile file = KeyFile.read(keyPath);
    byte[] privateKey = UnlockedKey.privateKey(file, passphraseFile, terminal);
    try {
      WorkerCertificate certificate = new WorkerCertificate(file.orgId(), workerId, pseudonym, dhKey, signingKey,
          notBefore, notAfter);
      out.println(Base64Url.encode(certificate.sign(privateKey)));
      err.println("Signed for " + pseudonym + " (" + workerId + ") of " + file.orgId() + ", valid from " + notBefore
          + " until " + notAfter + ".");
    } catch (CryptoException e) {
      throw CliException.usage(e.getMessage());
    } finally {
      Bytes.wipe(privateKey);
    }
  }

  // X25519.agree refuses non-canonical keys, and low-order ones through the all-zero secret.
  private static void requireDhKey(byte[] dhKey) {
    byte[] probe = X25519.generate(new SecureRandom()).privateKey();
    try {
      Bytes.wipe(X25519.agree(probe, dhKey));
    } catch (CryptoException e) {
      throw CliException.usage("--dh-key is not a usable X25519 public key (non-canonical or of low order)");
    } finally {
      Bytes.wipe(probe);
    }
  }

  private static Instant notBefore(Options options, Instant now) {
    Optional<String> given = options.optional("--not-before");
    if (given.isEmpty()) {
      return now.truncatedTo(ChronoUnit.SECONDS);
    }
    try {
      Instant instant = Instant.parse(given.get());
      if (instant.getNano() != 0) {
        throw CliException.usage("--not-before must be whole seconds, like 2027-01-01T00:00:00Z");
      }
      return instant;
    } catch (DateTimeException e) {
      throw CliException.usage("--not-before must be an ISO-8601 instant, like 2027-01-01T00:00:00Z");
    }
  }

  private static Instant plusDays(Instant notBefore, int days) {
    try {
      return notBefore.plus(Duration.ofDays(days));
    } catch (DateTimeException | ArithmeticException e) {
      throw CliException.usage("--not-before is too far in the future");
    }
  }
}
