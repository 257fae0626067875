package fr.passerelle.it;

import static fr.passerelle.it.TestNode.await;

import fr.passerelle.client.Transport.Response;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.e2e.MessageCode;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.Optional;

/** What the mailbox route tests share: codes, fake sealed letters of a given kind, and requests with each kind of key. */
final class MailboxFixture {
  static final SecureRandom RANDOM = new SecureRandom();
  static final String ORG = "org-demo";

  private final TestNode node;

  MailboxFixture(TestNode node) {
    this.node = node;
  }

  /** The token a fresh message code derives, as the visitor's header carries it. */
  static String newToken() {
    return Base64Url.encode(MessageCode.derive(MessageCode.generate(RANDOM), ORG).token());
  }

  static String mailboxId(String token) {
    return MessageCode.mailboxId(Base64Url.decode(token, 32).orElseThrow());
  }

  /** Bytes that pass for a letter of {@code kind} at the server, which never opens one: {@code 01 kind …}. */
  static String sealed(int kind, int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    bytes[0] = 1;
    bytes[1] = (byte) kind;
    return Base64Url.encode(bytes);
  }

  static JsonObject letter(String id, String sealed) {
    return new JsonObject().put("id", id).put("sealed", sealed);
  }

  Response visitor(String method, String path, String token, Optional<JsonObject> body) {
    return await(node.transport().authorized(method, path, Optional.of("Mailbox " + token),
        body.map(JsonObject::encode)));
  }

  Response leave(String token, JsonObject body) {
    return visitor("POST", "/api/v1/mailbox/letters", token, Optional.of(body));
  }

  Response readMailbox(String token) {
    return visitor("GET", "/api/v1/mailbox", token, Optional.empty());
  }

  /** A request with a staff bearer token, or none. */
  Response staff(String method, String path, Optional<String> username, Optional<JsonObject> body) {
    return await(node.transport().request(method, path, username.map(node::token), body.map(JsonObject::encode)));
  }

  Response staff(String method, String path, String username) {
    return staff(method, path, Optional.of(username), Optional.empty());
  }
}
