package fr.passerelle.cli;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Ed25519;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The organisation key file (layout in {@code docs/protocol.md}, "Organisation key file (v1)"): the root key pair,
 * its private half in clear or sealed under a passphrase by {@link KeySealer}.
 */
record KeyFile(String orgId, byte[] publicKey, Secret secret) {
  static final String TYPE = "passerelle-organisation-key";
  static final int VERSION = 1;
  private static final long MAX_FILE_BYTES = 64 * 1024;
  private static final Set<String> CLEAR_FIELDS = Set.of("type", "version", "orgId", "publicKey", "privateKey");
  private static final Set<String> SEALED_FIELDS = Set.of("type", "version", "orgId", "publicKey", "encrypted");
  private static final Set<String> ENCRYPTED_FIELDS =
      Set.of("kdf", "memoryKiB", "iterations", "parallelism", "salt", "nonce", "ciphertext");

  /** How the private key is kept in the file. */
  sealed interface Secret permits Clear, Sealed {}

  /** The 32-byte Ed25519 private key (seed), unprotected. */
  record Clear(byte[] privateKey) implements Secret {}

  /** The private key sealed with AES-256-GCM under an Argon2id key of the passphrase. */
  record Sealed(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] nonce, byte[] ciphertext)
      implements Secret {}

  String toJson() {
    JsonObject json = new JsonObject().put("type", TYPE).put("version", VERSION).put("orgId", orgId)
        .put("publicKey", Base64Url.encode(publicKey));
    if (secret instanceof Clear clear) {
      json.put("privateKey", Base64Url.encode(clear.privateKey()));
    } else if (secret instanceof Sealed sealed) {
      json.put("encrypted", encrypted(sealed));
    }
    return json.encodePrettily() + "\n";
  }

  /** The {@code encrypted} member of a key file (the organisation's or an association's). */
  static JsonObject encrypted(Sealed sealed) {
    return new JsonObject().put("kdf", "argon2id").put("memoryKiB", sealed.memoryKiB())
        .put("iterations", sealed.iterations()).put("parallelism", sealed.parallelism())
        .put("salt", Base64Url.encode(sealed.salt())).put("nonce", Base64Url.encode(sealed.nonce()))
        .put("ciphertext", Base64Url.encode(sealed.ciphertext()));
  }

  /** Reads and checks {@code file}; refuses anything but a well-formed version 1 key file (exit 1). */
  static KeyFile read(Path file) {
    String text;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw damaged("larger than " + MAX_FILE_BYTES + " bytes");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CliException.failure("cannot read the key file " + file + ": " + e.getClass().getSimpleName());
    }
    JsonObject json;
    try {
      json = new JsonObject(text);
    } catch (DecodeException e) {
      // The parser's message quotes the file, which may hold the private key: never print it.
      throw damaged("not a JSON object");
    }
    return parse(json);
  }

  static KeyFile parse(JsonObject json) {
    if (!TYPE.equals(json.getValue("type")) || !Integer.valueOf(VERSION).equals(json.getValue("version"))) {
      throw damaged("type must be \"" + TYPE + "\" and version " + VERSION);
    }
    boolean sealed = json.containsKey("encrypted");
    if (!json.fieldNames().equals(sealed ? SEALED_FIELDS : CLEAR_FIELDS)) {
      throw damaged("fields must be exactly " + String.join(", ", sealed ? SEALED_FIELDS : CLEAR_FIELDS));
    }
    String orgId = string(json, "orgId");
    try {
      Options.checkText(orgId, "orgId");
    } catch (CliException e) {
      throw damaged(e.getMessage());
    }
    byte[] publicKey = bytes(json, "publicKey", Ed25519.KEY_LENGTH);
    Secret secret = sealed ? sealed(json.getValue("encrypted")) : new Clear(bytes(json, "privateKey", 32));
    return new KeyFile(orgId, publicKey, secret);
  }

  /** Reads an {@code encrypted} member; {@code damaged} names the file kind in the failure. */
  static Sealed sealed(Object value) {
    if (!(value instanceof JsonObject json) || !json.fieldNames().equals(ENCRYPTED_FIELDS)) {
      throw damaged("encrypted must be an object with exactly " + String.join(", ", ENCRYPTED_FIELDS));
    }
    if (!"argon2id".equals(json.getValue("kdf"))) {
      throw damaged("encrypted.kdf must be \"argon2id\"");
    }
    int parallelism = number(json, "parallelism", 1, KeySealer.MAX_PARALLELISM);
    // Bounds keep an altered file from making the tool spend unbounded memory or time.
    int memory = number(json, "memoryKiB", 8 * parallelism, KeySealer.MAX_MEMORY_KIB);
    int iterations = number(json, "iterations", 1, KeySealer.MAX_ITERATIONS);
    return new Sealed(memory, iterations, parallelism, bytes(json, "salt", KeySealer.SALT_LENGTH),
        bytes(json, "nonce", KeySealer.NONCE_LENGTH), bytes(json, "ciphertext", KeySealer.CIPHERTEXT_LENGTH));
  }

  private static String string(JsonObject json, String name) {
    if (!(json.getValue(name) instanceof String value)) {
      throw damaged(name + " must be a string");
    }
    return value;
  }

  private static byte[] bytes(JsonObject json, String name, int length) {
    return Base64Url.decode(string(json, name), length)
        .orElseThrow(() -> damaged(name + " must be " + length + " bytes in unpadded base64url"));
  }

  private static int number(JsonObject json, String name, int min, int max) {
    if (!(json.getValue(name) instanceof Integer value) || value < min || value > max) {
      throw damaged(name + " must be a whole number from " + min + " to " + max);
    }
    return value;
  }

  private static CliException damaged(String reason) {
    return CliException.failure("not a valid organisation key file: " + reason);
  }
}
