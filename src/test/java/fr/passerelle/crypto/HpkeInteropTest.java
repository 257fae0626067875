package fr.passerelle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.junit.jupiter.api.Test;

/**
 * Our suite, X25519 / HKDF-SHA256 / AES-256-GCM, has no RFC 9180 vector; its KEM and key schedule are the ones the
 * vectors prove, with a different suite id and key length. Here it must agree with Bouncy Castle's independent HPKE
 * in both directions, in base and auth mode, with keys derived from the RFC's X25519 ikm values.
 */
class HpkeInteropTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] IKM_E = HEX.parseHex("7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234");
  private static final byte[] IKM_R = HEX.parseHex("6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037");
  private static final byte[] IKM_S = HEX.parseHex("94b020ce91d73fca4649006c7e7329a67b40c55e9e93cc907d282bbbff386f58");
  private static final byte[] INFO = "passerelle referral v1 / association 42".getBytes(StandardCharsets.UTF_8);
  private static final byte[] AAD = "referral 7f3a".getBytes(StandardCharsets.UTF_8);
  private static final byte[] PLAINTEXT = "Prénom: A., besoin: hébergement ce soir".getBytes(StandardCharsets.UTF_8);

  private final HPKE bouncyCastle =
      new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
  private final HPKE bouncyCastleAuth =
      new HPKE(HPKE.mode_auth, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);

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
    HpkeContext ours = HpkeContext.create(Hpke.SUITE, HpkeContext.MODE_BASE, sharedSecret, INFO);

    assertThat(ours.export(AAD, 42)).isEqualTo(bcSender.export(AAD, 42));
  }

  @Test
  void bouncyCastleOpensWhatWeSealInAuthModeOnlyUnderTheSendersKey() throws Exception {
    X25519.KeyPair recipient = Dhkem.deriveKeyPair(IKM_R);
    X25519.KeyPair sender = Dhkem.deriveKeyPair(IKM_S);
    Hpke.Sealed sealed = Hpke.sealAuth(recipient.publicKey(), sender.privateKey(), INFO, AAD, PLAINTEXT,
        Dhkem.deriveKeyPair(IKM_E));

    AsymmetricCipherKeyPair bcRecipient = bouncyCastleAuth.deserializePrivateKey(recipient.privateKey(),
        recipient.publicKey());
    byte[] opened = bouncyCastleAuth.setupAuthR(sealed.enc(), bcRecipient, INFO,
        bouncyCastleAuth.deserializePublicKey(sender.publicKey())).open(AAD, sealed.ciphertext());
    assertThat(opened).isEqualTo(PLAINTEXT);

    byte[] stranger = Dhkem.deriveKeyPair(IKM_E).publicKey();
    var wrongSender = bouncyCastleAuth.setupAuthR(sealed.enc(), bcRecipient, INFO,
        bouncyCastleAuth.deserializePublicKey(stranger));
    assertThatThrownBy(() -> wrongSender.open(AAD, sealed.ciphertext()))
        .isInstanceOf(InvalidCipherTextException.class);
  }

  @Test
  void weOpenWhatBouncyCastleSealsInAuthModeOnlyUnderTheSendersKey() throws Exception {
    X25519.KeyPair recipient = Dhkem.deriveKeyPair(IKM_R);
    X25519.KeyPair sender = Dhkem.deriveKeyPair(IKM_S);
    var bcSender = bouncyCastleAuth.setupAuthS(bouncyCastleAuth.deserializePublicKey(recipient.publicKey()), INFO,
        bouncyCastleAuth.deserializePrivateKey(sender.privateKey(), sender.publicKey()));
    byte[] ciphertext = bcSender.seal(AAD, PLAINTEXT);

    assertThat(Hpke.openAuth(recipient.privateKey(), sender.publicKey(), bcSender.getEncapsulation(), INFO, AAD,
        ciphertext)).isEqualTo(PLAINTEXT);
    byte[] stranger = Dhkem.deriveKeyPair(IKM_E).publicKey();
    assertThatThrownBy(() -> Hpke.openAuth(recipient.privateKey(), stranger, bcSender.getEncapsulation(), INFO, AAD,
        ciphertext)).isInstanceOfSatisfying(CryptoException.class,
            e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.AUTH_FAILED));
  }

  @Test
  void authModeExportsAgreeWithBouncyCastle() {
    X25519.KeyPair recipient = Dhkem.deriveKeyPair(IKM_R);
    X25519.KeyPair sender = Dhkem.deriveKeyPair(IKM_S);
    var bcSender = bouncyCastleAuth.setupAuthS(bouncyCastleAuth.deserializePublicKey(recipient.publicKey()), INFO,
        bouncyCastleAuth.deserializePrivateKey(sender.privateKey(), sender.publicKey()));
    byte[] sharedSecret = Dhkem.authDecap(bcSender.getEncapsulation(), recipient.privateKey(), sender.publicKey());
    HpkeContext ours = HpkeContext.create(Hpke.SUITE, HpkeContext.MODE_AUTH, sharedSecret, INFO);

    assertThat(ours.export(AAD, 42)).isEqualTo(bcSender.export(AAD, 42));
  }
}
