package fr.passerelle.crypto;

/** DHKEM(X25519, HKDF-SHA256), KEM id 0x0020 (RFC 9180 §4.1 and §7.1), with and without sender authentication. */
final class Dhkem {
  private static final byte[] EMPTY = new byte[0];

  private Dhkem() {}

  /** The shared secret and the encapsulated key {@code enc} (the ephemeral public key) for one sender setup. */
  record Encapsulation(byte[] sharedSecret, byte[] enc) {}

  /** DeriveKeyPair(ikm): the key pair RFC 9180 §7.1.3 derives from input keying material. */
  static X25519.KeyPair deriveKeyPair(byte[] ikm) {
    byte[] suite = HpkeSuite.kemSuiteId();
    byte[] dkpPrk = HpkeSuite.labeledExtract(suite, EMPTY, "dkp_prk", ikm);
    byte[] privateKey = HpkeSuite.labeledExpand(suite, dkpPrk, "sk", EMPTY, X25519.KEY_LENGTH);
    Bytes.wipe(dkpPrk);
    return new X25519.KeyPair(privateKey, X25519.publicKey(privateKey));
  }

  /** Encap(pkR) with the given ephemeral key pair. */
  static Encapsulation encap(byte[] recipientPublic, X25519.KeyPair ephemeral) {
    byte[] dh = X25519.agree(ephemeral.privateKey(), recipientPublic);
    byte[] enc = ephemeral.publicKey().clone();
    return new Encapsulation(extractAndExpand(dh, Bytes.concat(enc, recipientPublic)), enc);
  }

  /** Decap(enc, skR). */
  static byte[] decap(byte[] enc, byte[] recipientPrivate) {
    byte[] dh = X25519.agree(recipientPrivate, enc);
    return extractAndExpand(dh, Bytes.concat(enc, X25519.publicKey(recipientPrivate)));
  }

  /** AuthEncap(pkR, skS) with the given ephemeral key pair: the secret also depends on the sender's static key. */
  static Encapsulation authEncap(byte[] recipientPublic, byte[] senderPrivate, X25519.KeyPair ephemeral) {
    byte[] dhEphemeral = X25519.agree(ephemeral.privateKey(), recipientPublic);
    byte[] dhStatic = X25519.agree(senderPrivate, recipientPublic);
    byte[] enc = ephemeral.publicKey().clone();
    byte[] kemContext = Bytes.concat(enc, recipientPublic, X25519.publicKey(senderPrivate));
    return new Encapsulation(extractAndExpand(concatAndWipe(dhEphemeral, dhStatic), kemContext), enc);
  }

  /** AuthDecap(enc, skR, pkS). */
  static byte[] authDecap(byte[] enc, byte[] recipientPrivate, byte[] senderPublic) {
    byte[] dhEphemeral = X25519.agree(recipientPrivate, enc);
    byte[] dhStatic = X25519.agree(recipientPrivate, senderPublic);
    byte[] kemContext = Bytes.concat(enc, X25519.publicKey(recipientPrivate), senderPublic);
    return extractAndExpand(concatAndWipe(dhEphemeral, dhStatic), kemContext);
  }

  private static byte[] concatAndWipe(byte[] first, byte[] second) {
    byte[] both = Bytes.concat(first, second);
    Bytes.wipe(first, second);
    return both;
  }

  private static byte[] extractAndExpand(byte[] dh, byte[] kemContext) {
    byte[] suite = HpkeSuite.kemSuiteId();
    byte[] eaePrk = HpkeSuite.labeledExtract(suite, EMPTY, "eae_prk", dh);
    byte[] sharedSecret = HpkeSuite.labeledExpand(suite, eaePrk, "shared_secret", kemContext, 32);
    Bytes.wipe(dh, eaePrk);
    return sharedSecret;
  }
}
