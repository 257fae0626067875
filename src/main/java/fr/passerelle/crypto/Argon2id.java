package fr.passerelle.crypto;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id (RFC 9106, version 1.3): staff password hashes and the key tool's passphrase-derived keys. */
public final class Argon2id {
  private Argon2id() {}

  /** {@code length} bytes derived from {@code secret}. */
  public static byte[] derive(byte[] secret, byte[] salt, int memoryKib, int iterations, int parallelism,
      int length) {
    byte[] out = new byte[length];
    generator(salt, memoryKib, iterations, parallelism).generateBytes(secret, out);
    return out;
  }

  /** As {@link #derive(byte[], byte[], int, int, int, int)}, the password taken as UTF-8. */
  public static byte[] derive(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism,
      int length) {
    byte[] out = new byte[length];
    generator(salt, memoryKib, iterations, parallelism).generateBytes(password, out);
    return out;
  }

  private static Argon2BytesGenerator generator(byte[] salt, int memoryKib, int iterations, int parallelism) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKib)
        .withIterations(iterations)
        .withParallelism(parallelism)
        .withSalt(salt)
        .build());
    return generator;
  }
}
