package fr.passerelle.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class PasswordHasherTest {
  // Vectors from the Argon2 reference implementation's own test suite (phc-winner-argon2, src/test.c).
  private static final String REFERENCE_SMALL =
      "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";
  private static final String REFERENCE_64_MIB =
      "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

  @Test
  void verifiesHashesProducedByTheReferenceImplementation() {
    assertThat(PasswordHasher.verifyNow("password".toCharArray(), REFERENCE_SMALL)).isTrue();
    assertThat(PasswordHasher.verifyNow("password".toCharArray(), REFERENCE_64_MIB)).isTrue();
    assertThat(PasswordHasher.verifyNow("Password".toCharArray(), REFERENCE_SMALL)).isFalse();
  }

  @Test
  void hashUsesTheConfiguredParametersAndRoundTrips(Vertx vertx) {
    PasswordHasher hasher = new PasswordHasher(vertx);
    String hash = hasher.hash("correct horse battery".toCharArray()).await();

    assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(hasher.verify("correct horse battery".toCharArray(), hash).await()).isTrue();
    assertThat(hasher.verify("correct horse batterY".toCharArray(), hash).await()).isFalse();
  }

  @Test
  void sameSaltGivesSameHashAndFreshSaltsDiffer(Vertx vertx) {
    byte[] salt = new byte[16];
    assertThat(PasswordHasher.hashNow("secret".toCharArray(), salt))
        .isEqualTo(PasswordHasher.hashNow("secret".toCharArray(), salt));
    PasswordHasher hasher = new PasswordHasher(vertx);
    assertThat(hasher.hash("secret".toCharArray()).await()).isNotEqualTo(hasher.hash("secret".toCharArray()).await());
  }

  @Test
  void tamperedOrMalformedHashesNeverVerify() {
    String hash = PasswordHasher.hashNow("secret".toCharArray(), new byte[16]);
    char last = hash.charAt(hash.length() - 2);
    String tampered = hash.substring(0, hash.length() - 2) + (last == 'A' ? 'B' : 'A') + hash.charAt(hash.length() - 1);

    assertThat(PasswordHasher.verifyNow("secret".toCharArray(), hash)).isTrue();
    assertThat(PasswordHasher.verifyNow("secret".toCharArray(), tampered)).isFalse();
    assertThat(PasswordHasher.verifyNow("secret".toCharArray(), hash.replace("argon2id", "argon2i"))).isFalse();
    assertThat(PasswordHasher.verifyNow("secret".toCharArray(), hash.replace("m=19456", "m=99999999"))).isFalse();
    assertThat(PasswordHasher.verifyNow("secret".toCharArray(), "not a hash")).isFalse();
  }

  @Test
  void dummyHashIsWellFormedAndMatchesNothing(Vertx vertx) {
    String dummy = new PasswordHasher(vertx).dummyHash();
    assertThat(dummy).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(PasswordHasher.verifyNow("".toCharArray(), dummy)).isFalse();
  }
}
