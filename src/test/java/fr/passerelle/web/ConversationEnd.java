package fr.passerelle.web;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.e2e.Content;
import fr.passerelle.e2e.EncryptedMessage;
import fr.passerelle.e2e.RatchetSession;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * One side of a conversation after its handshake, in Java or in the page ({@code test/interop.js}), so that a test
 * can play the same script whichever implementation holds which side. Messages travel as unpadded base64url, as on
 * the wire.
 */
interface ConversationEnd {

  /** A message's header and body, unpadded base64url. */
  record Message(String header, String body) {
    /** The same message with the last bit of its body flipped, as a relay that tampers would send it. */
    Message withBodyBitFlipped() {
      byte[] body = decode(this.body);
      body[body.length - 1] ^= 0x01;
      return new Message(header, Base64Url.encode(body));
    }
  }

  /** Encrypts a text message. */
  Message send(String text);

  /** The text of the other side's message, or the name of the reason it was refused. */
  String receive(Message message);

  /** The safety code this side shows. */
  String safetyCode();

  /** The Java side: a {@link RatchetSession}. */
  record InJava(RatchetSession session) implements ConversationEnd {
    @Override
    public Message send(String text) {
      EncryptedMessage message = session.encrypt(Content.text(text));
      return new Message(Base64Url.encode(message.header()), Base64Url.encode(message.body()));
    }

    @Override
    public String receive(Message message) {
      try {
        byte[] content = session.decrypt(decode(message.header()), decode(message.body()));
        return new JsonObject(new String(content, StandardCharsets.UTF_8)).getString("text");
      } catch (CryptoException e) {
        return e.reason().name();
      }
    }

    @Override
    public String safetyCode() {
      return session.safetyCode();
    }
  }

  /** The page's side: the session {@code test/interop.js} holds for {@code conversationId}. */
  record InPage(Browser browser, String conversationId) implements ConversationEnd {
    static final String MODULE = "/test/interop.js";

    @Override
    public Message send(String text) {
      JsonObject message = browser.object(MODULE, "send", conversationId, text);
      return new Message(message.getString("header"), message.getString("body"));
    }

    @Override
    public String receive(Message message) {
      return (String) browser.call(MODULE, "receive", conversationId, message.header(), message.body());
    }

    @Override
    public String safetyCode() {
      return (String) browser.call(MODULE, "safetyCode", conversationId);
    }
  }

  static byte[] decode(String base64url) {
    return Base64Url.decode(base64url).orElseThrow(() -> new AssertionError("not unpadded base64url: " + base64url));
  }
}
