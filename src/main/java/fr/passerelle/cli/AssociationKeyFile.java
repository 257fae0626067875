package fr.passerelle.cli;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.crypto.X25519;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;

/**
 * The association key file (docs/protocol.md, "Association key file (v1)"): the X25519 key pair an intake officer
 * makes with {@code intake keygen} and keeps, its private half in clear or sealed under a passphrase as in the
 * organisation key file. Referrals sealed to the public half open only with it.
 */
record AssociationKeyFile(byte[] publicKey, KeyFile.Secret secret) {
  static final String TYPE = "passerelle-association-key";
  static final int VERSION = 1;
  private static final long MAX_FILE_BYTES = 64 * 1024;
  private static final byte[] LABEL = "passerelle/v1/association-key-file".getBytes(StandardCharsets.US_ASCII);
  private static final Set<String> CLEAR_FIELDS = Set.of("type", "version", "publicKey", "privateKey");
  private static final Set<String> SEALED_FIELDS = Set.of("type", "version", "publicKey", "encrypted");

  /** A file for {@code pair}, sealed under {@code passphrase} unless it is empty. */
  static AssociationKeyFile of(X25519.KeyPair pair, byte[] passphrase, SecureRandom random) {
    KeyFile.Secret secret = passphrase.length > 0
        ? KeySealer.sealWithAad(passphrase, aad(pair.publicKey()), pair.privateKey(), random)
        : new KeyFile.Clear(pair.privateKey());
    return new AssociationKeyFile(pair.publicKey(), secret);
  }

  /** {@code "passerelle/v1/association-key-file" | 0x00 | publicKey}. */
  static byte[] aad(byte[] publicKey) {
    return Bytes.concat(LABEL, new byte[] {0}, publicKey);
  }

  String toJson() {
    JsonObject json = new JsonObject().put("type", TYPE).put("version", VERSION)
        .put("publicKey", Base64Url.encode(publicKey));
    if (secret instanceof KeyFile.Clear clear) {
      json.put("privateKey", Base64Url.encode(clear.privateKey()));
    } else if (secret instanceof KeyFile.Sealed sealed) {
      json.put("encrypted", KeyFile.encrypted(sealed));
    }
    return json.encodePrettily() + "\n";
  }

  /**
   * The private key, opened with a passphrase from {@code passphraseFile} or the terminal when the file is sealed,
   * and checked against the public key; the caller wipes it.
   */
  byte[] privateKey(Optional<Path> passphraseFile, Terminal terminal) {
    byte[] privateKey;
    if (secret instanceof KeyFile.Clear clear) {
      if (passphraseFile.isPresent()) {
        throw CliException.usage("--passphrase-file given, but the key file is not encrypted");
      }
      privateKey = clear.privateKey().clone();
    } else {
      byte[] passphrase = new PassphraseSource(passphraseFile, terminal).existing();
      try {
        privateKey = KeySealer.openWithAad(passphrase, aad(publicKey), (KeyFile.Sealed) secret);
      } finally {
        Bytes.wipe(passphrase);
      }
    }
    if (!Bytes.equal(X25519.publicKey(privateKey), publicKey)) {
      Bytes.wipe(privateKey);
      throw CliException.failure("damaged key file: its private key does not match its public key");
    }
    return privateKey;
  }

  /** Reads and checks {@code file}; refuses anything but a well-formed version 1 association key file (exit 1). */
  static AssociationKeyFile read(Path file) {
    String text;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw damaged("larger than " + MAX_FILE_BYTES + " bytes");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CliException.failure("cannot read the key file " + file + ": " + e.getClass().getSimpleName());
    }
    try {
      return parse(new JsonObject(text));
    } catch (DecodeException e) {
      // The parser's message quotes the file, which may hold the private key: never print it.
      throw damaged("not a JSON object");
    }
  }

  static AssociationKeyFile parse(JsonObject json) {
    if (!TYPE.equals(json.getValue("type")) || !Integer.valueOf(VERSION).equals(json.getValue("version"))) {
      throw damaged("type must be \"" + TYPE + "\" and version " + VERSION);
    }
    boolean sealed = json.containsKey("encrypted");
    if (!json.fieldNames().equals(sealed ? SEALED_FIELDS : CLEAR_FIELDS)) {
      throw damaged("fields must be exactly " + String.join(", ", sealed ? SEALED_FIELDS : CLEAR_FIELDS));
    }
    byte[] publicKey = bytes(json, "publicKey");
    try {
      X25519.requireValidPublicKey(publicKey);
    } catch (CryptoException e) {
      throw damaged("publicKey is not a usable X25519 key");
    }
    KeyFile.Secret secret;
    if (sealed) {
      try {
        secret = KeyFile.sealed(json.getValue("encrypted"));
      } catch (CliException e) {
        String message = e.getMessage();
        throw damaged(message.substring(message.indexOf(": ") + 2));
      }
    } else {
      secret = new KeyFile.Clear(bytes(json, "privateKey"));
    }
    return new AssociationKeyFile(publicKey, secret);
  }

  private static byte[] bytes(JsonObject json, String name) {
    if (!(json.getValue(name) instanceof String text)) {
      throw damaged(name + " must be a string");
    }
    return Base64Url.decode(text, X25519.KEY_LENGTH)
        .orElseThrow(() -> damaged(name + " must be 32 bytes in unpadded base64url"));
  }

  private static CliException damaged(String reason) {
    return CliException.failure("not a valid association key file: " + reason);
  }
}
