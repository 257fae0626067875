package fr.passerelle.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.junit.jupiter.api.Test;

/**
 * Our suite, X25519 / HKDF-SHA256 / AES-256-GCM, has no RFC 9180 vector; its KEM and key schedule are the ones the
 * vectors prove, with a different suite id and key length. Here it must agree with Bouncy Castle's independent HPKE
 * in both directions, with keys derived from the RFC's X25519 ikm values.
 */
class HpkeInteropTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] IKM_E = HEX.parseHex("7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234");
  private static final byte[] IKM_R = HEX.parseHex("6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037");
  private static final byte[] INFO = "passerelle referral v1 / association 42".getBytes(StandardCharsets.UTF_8);
  private static final byte[] AAD = "referral 7f3a".getBytes(StandardCharsets.UTF_8);
  private static final byte[] PLAINTEXT = "Prénom: A., besoin: hébergement ce soir".getBytes(StandardCharsets.UTF_8);

  private final HPKE bouncyCastle =
      new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);

  @Test
  void bouncyCastleOpensWhatWeSeal() throws Exception {
    X25519.KeyPair recipient = Dhkem.deriveKeyPair(IKM_R);
    Hpke.Sealed sealed = Hpke.seal(recipient.publicKey(), INFO, AAD, PLAINTEXT, Dhkem.deriveKeyPair(IKM_E));

    AsymmetricCipherKeyPair bcRecipient = bouncyCastle.deserializePrivateKey(recipient.privateKey(),
        recipient.publicKey());
    byte[] opened = bouncyCastle.setupBaseR(sealed.enc(), bcRecipient, INFO).open(AAD, sealed.ciphertext());
    assertThat(opened).isEqualTo(PLAINTEXT);
  }

  @Test
  void weOpenWhatBouncyCastleSealsAndProduceTheSameBytes() throws Exception {
    X25519.KeyPair recipient = Dhkem.deriveKeyPair(IKM_R);
    var bcSender = bouncyCastle.setupBaseS(bouncyCastle.deserializePublicKey(recipient.publicKey()), INFO,
        bouncyCastle.deriveKeyPair(IKM_E));
    byte[] ciphertext = bcSender.seal(AAD, PLAINTEXT);

    assertThat(Hpke.open(recipient.privateKey(), bcSender.getEncapsulation(), INFO, AAD, ciphertext))
        .isEqualTo(PLAINTEXT);
    Hpke.Sealed ours = Hpke.seal(recipient.publicKey(), INFO, AAD, PLAINTEXT, Dhkem.deriveKeyPair(IKM_E));
    assertThat(ours.enc()).isEqualTo(bcSender.getEncapsulation());
    assertThat(ours.ciphertext()).isEqualTo(ciphertext);
  }

  @Test
  void exportsAgreeWithBouncyCastle() {
    X25519.KeyPair recipient = Dhkem.deriveKeyPair(IKM_R);
    var bcSender = bouncyCastle.setupBaseS(bouncyCastle.deserializePublicKey(recipient.publicKey()), INFO,
        bouncyCastle.deriveKeyPair(IKM_E));
    byte[] sharedSecret = Dhkem.decap(bcSender.getEncapsulation(), recipient.privateKey());
    HpkeContext ours = HpkeContext.create(Hpke.SUITE, sharedSecret, INFO);

    assertThat(ours.export(AAD, 42)).isEqualTo(bcSender.export(AAD, 42));
  }
}
