package fr.passerelle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Ed25519 signing and strict verification. */
class Ed25519Test {
  private static final byte[] MESSAGE = "worker certificate".getBytes(StandardCharsets.UTF_8);
  private final Ed25519.KeyPair pair = Ed25519.generate(new SecureRandom());

  @Test
  void aSignatureVerifiesOnlyForItsKeyAndMessage() {
    byte[] signature = Ed25519.sign(pair.privateKey(), MESSAGE);
    assertThat(Ed25519.verify(pair.publicKey(), MESSAGE, signature)).isTrue();
    assertThat(Ed25519.verify(pair.publicKey(), "worker certificatE".getBytes(StandardCharsets.UTF_8), signature))
        .isFalse();
    assertThat(Ed25519.verify(Ed25519.generate(new SecureRandom()).publicKey(), MESSAGE, signature)).isFalse();
  }

  @Test
  void rfc8032FirstTestVectorSignsAsPublished() {
    HexFormat hex = HexFormat.of();
    byte[] secret = hex.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    assertThat(hex.formatHex(Ed25519.publicKey(secret)))
        .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    assertThat(hex.formatHex(Ed25519.sign(secret, new byte[0]))).isEqualTo("e5564300c360ac729086e2cc806e828a"
        + "84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
  }

  @Test
  void wrongLengthsAndSmallOrderKeysDoNotVerify() {
    byte[] signature = Ed25519.sign(pair.privateKey(), MESSAGE);
    assertThat(Ed25519.verify(Arrays.copyOf(pair.publicKey(), 31), MESSAGE, signature)).isFalse();
    assertThat(Ed25519.verify(pair.publicKey(), MESSAGE, Arrays.copyOf(signature, 63))).isFalse();
    assertThat(Ed25519.verify(pair.publicKey(), MESSAGE, Arrays.copyOf(signature, 65))).isFalse();
    byte[] identity = new byte[32];
    identity[0] = 1;
    assertThat(Ed25519.verify(identity, MESSAGE, signature)).isFalse();
    byte[] forgery = new byte[64];
    forgery[0] = 1;
    assertThat(Ed25519.verify(identity, MESSAGE, forgery)).as("R = identity, S = 0 under A = identity").isFalse();
  }

  @Test
  void aPrivateKeyOfTheWrongLengthIsRefused() {
    assertThatThrownBy(() -> Ed25519.sign(new byte[64], MESSAGE)).isInstanceOfSatisfying(CryptoException.class,
        e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.BAD_KEY_LENGTH));
  }
}
