package fr.passerelle.client;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.e2e.Content;
import fr.passerelle.e2e.KeySource;
import fr.passerelle.e2e.Letter;
import fr.passerelle.e2e.MessageCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A visitor's side of the anonymous mailbox, as the widget does it: leave letters sealed to the workers' verified
 * certificates, read the workers' replies with the key the message code derives, delete the mailbox. It holds the
 * code's derived secrets only, and sends nothing but the token.
 */
public final class MailboxVisitor {
  private final Transport transport;
  private final byte[] rootPublicKey;
  private final String orgId;
  private final Clock clock;
  private final SecureRandom random;
  private final KeySource keys;
  private final MessageCode.Derived code;

  /** A reply as the visitor reads it: its id, the verified pseudonym of its writer, its time and its content. */
  public record Reply(String id, String pseudonym, Instant at, JsonObject content) {}

  public MailboxVisitor(Transport transport, byte[] rootPublicKey, String orgId, Clock clock, SecureRandom random,
      KeySource keys, String code) {
    this.transport = transport;
    this.rootPublicKey = rootPublicKey.clone();
    this.orgId = orgId;
    this.clock = clock;
    this.random = random;
    this.keys = keys;
    this.code = MessageCode.derive(code, orgId);
  }

  /** The mailbox id the code derives, which is all the server knows the mailbox by. */
  public String mailboxId() {
    return code.mailboxId();
  }

  /** Leaves a letter with id {@code letterId}; completes with the server's answer ({@code id}, {@code at}). */
  public Future<JsonObject> leave(String letterId, String text, String language) {
    return LetterRecipientList.fetch(transport, rootPublicKey, orgId, clock.instant()).compose(recipients -> {
      if (recipients.isEmpty()) {
        throw new IllegalStateException("no worker certificate to seal a letter to");
      }
      byte[] contentKey = new byte[32];
      random.nextBytes(contentKey);
      byte[] sealed = Letter.sealFromVisitor(new Letter.Address(orgId, code.mailboxId(), letterId),
          Content.letter(text, code.replyPub(), language), recipients, contentKey, keys);
      JsonObject body = new JsonObject().put("id", letterId).put("sealed", Base64Url.encode(sealed))
          .put("languages", List.of(language));
      return send("POST", "/api/v1/mailbox/letters", Optional.of(body.encode()));
    });
  }

  /** Every worker's reply in the mailbox, opened and verified; fails if one does not open. */
  public Future<List<Reply>> replies() {
    return send("GET", "/api/v1/mailbox", Optional.empty()).map(mailbox -> {
      List<Reply> replies = new ArrayList<>();
      for (Object item : mailbox.getJsonArray("letters")) {
        JsonObject letter = (JsonObject) item;
        if (letter.getString("from").equals("worker")) {
          replies.add(open(letter));
        }
      }
      return replies;
    });
  }

  /** Deletes the mailbox and its letters, as the quick exit does. */
  public Future<Integer> delete() {
    return transport.authorized("DELETE", "/api/v1/mailbox", authorization(), Optional.empty())
        .map(Transport.Response::status);
  }

  private Reply open(JsonObject letter) {
    Instant at = Instant.parse(letter.getString("at"));
    Letter.Opened opened = Letter.open(code.replyKey().clone(), MessageCode.VISITOR,
        new Letter.Address(orgId, code.mailboxId(), letter.getString("id")), rootPublicKey, at,
        Base64Url.decode(letter.getString("sealed")).orElseThrow(
            () -> new CryptoException(CryptoException.Reason.MALFORMED, "letter: not base64url")));
    return new Reply(letter.getString("id"), opened.sender().pseudonym(), at,
        new JsonObject(new String(opened.content(), StandardCharsets.UTF_8)));
  }

  private Future<JsonObject> send(String method, String path, Optional<String> body) {
    return transport.authorized(method, path, authorization(), body).map(response -> {
      if (response.status() >= 300) {
        throw new IllegalStateException(method + " " + path + ": HTTP " + response.status() + " "
            + response.body().getString("code"));
      }
      return response.body();
    });
  }

  private Optional<String> authorization() {
    return Optional.of("Mailbox " + Base64Url.encode(code.token()));
  }
}
