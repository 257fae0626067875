package fr.passerelle.client;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.e2e.EncryptedMessage;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** What the secure clients share: envelope ids, the wire form of encrypted messages, and contents as JSON. */
final class SecureEnvelopes {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecureEnvelopes() {}

  /** A fresh envelope id: 128 random bits, as the server makes its own ids. */
  static String newId() {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    return Base64Url.encode(id);
  }

  static JsonObject sendFrame(String conversation, EncryptedMessage message) {
    return new JsonObject().put("type", "send").put("conversation", conversation).put("id", newId())
        .put("header", Base64Url.encode(message.header())).put("body", Base64Url.encode(message.body()));
  }

  /** A base64url field of an envelope; anything else is refused as the protocol says (12.1). */
  static byte[] field(JsonObject envelope, String name) {
    String text = envelope.getString(name);
    return Base64Url.decode(text == null ? "" : text).filter(b -> b.length > 0).orElseThrow(
        () -> new CryptoException(CryptoException.Reason.MALFORMED, name + " is not unpadded base64url"));
  }

  static JsonObject content(byte[] content) {
    try {
      return new JsonObject(new String(content, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new CryptoException(CryptoException.Reason.MALFORMED, "the content is not a JSON object");
    }
  }
}
