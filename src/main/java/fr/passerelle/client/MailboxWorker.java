package fr.passerelle.client;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.e2e.Content;
import fr.passerelle.e2e.KeySource;
import fr.passerelle.e2e.Letter;
import fr.passerelle.e2e.MessageCode;
import fr.passerelle.e2e.WorkerKeys;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A worker's side of the anonymous mailboxes, as the console does it: list them, open the letters sealed to this
 * worker's certificate, and answer to the visitor's reply key and every colleague's verified certificate.
 */
public final class MailboxWorker {
  private final Transport transport;
  private final String bearer;
  private final String workerId;
  private final WorkerKeys identity;
  private final byte[] certificate;
  private final byte[] rootPublicKey;
  private final String orgId;
  private final Clock clock;
  private final SecureRandom random;
  private final KeySource keys;

  /** A letter as this worker reads it: its content, or empty when it was not sealed to this worker's key. */
  public record Read(String id, String from, Instant at, Optional<JsonObject> content) {}

  public MailboxWorker(Transport transport, String bearer, String workerId, WorkerKeys identity, byte[] certificate,
      byte[] rootPublicKey, String orgId, Clock clock, SecureRandom random, KeySource keys) {
    this.transport = transport;
    this.bearer = bearer;
    this.workerId = workerId;
    this.identity = identity;
    this.certificate = certificate.clone();
    this.rootPublicKey = rootPublicKey.clone();
    this.orgId = orgId;
    this.clock = clock;
    this.random = random;
    this.keys = keys;
  }

  /** {@code GET /api/v1/mailboxes}: the summaries, awaiting a reply first. */
  public Future<JsonArray> mailboxes() {
    return send("GET", "/api/v1/mailboxes", Optional.empty()).map(json -> json.getJsonArray("mailboxes"));
  }

  /** The letters of one mailbox, each opened if it was sealed to this worker. */
  public Future<List<Read>> read(String mailboxId) {
    return send("GET", "/api/v1/mailboxes/" + mailboxId, Optional.empty()).map(mailbox -> {
      List<Read> letters = new ArrayList<>();
      for (Object item : mailbox.getJsonArray("letters")) {
        letters.add(open(mailboxId, (JsonObject) item));
      }
      return letters;
    });
  }

  /**
   * Answers: seals {@code text} to the visitor's reply key, which every visitor letter this worker can read must
   * carry alike, and to every colleague's verified certificate, this worker's own included.
   */
  public Future<JsonObject> reply(String mailboxId, String letterId, String text) {
    return read(mailboxId).compose(letters -> {
      Set<String> replyKeys = letters.stream().filter(l -> l.from().equals("visitor"))
          .flatMap(l -> l.content().stream()).map(c -> c.getString("replyKey")).collect(Collectors.toSet());
      if (replyKeys.size() != 1) {
        throw new IllegalStateException("the visitor's letters carry " + replyKeys.size() + " reply keys, not one");
      }
      byte[] replyPub = Base64Url.decode(replyKeys.iterator().next(), 32).orElseThrow();
      return LetterRecipientList.fetch(transport, rootPublicKey, orgId, clock.instant()).compose(colleagues -> {
        List<Letter.Recipient> recipients = new ArrayList<>();
        recipients.add(new Letter.Recipient(MessageCode.VISITOR, replyPub));
        recipients.addAll(colleagues);
        byte[] contentKey = new byte[32];
        random.nextBytes(contentKey);
        byte[] sealed = Letter.sealFromWorker(identity, certificate, new Letter.Address(orgId, mailboxId, letterId),
            Content.letter(text, null, null), recipients, contentKey, keys);
        JsonObject body = new JsonObject().put("id", letterId).put("sealed", Base64Url.encode(sealed));
        return send("POST", "/api/v1/mailboxes/" + mailboxId + "/letters", Optional.of(body.encode()));
      });
    });
  }

  private Read open(String mailboxId, JsonObject letter) {
    Instant at = Instant.parse(letter.getString("at"));
    byte[] sealed = Base64Url.decode(letter.getString("sealed")).orElseThrow();
    try {
      Letter.Opened opened = Letter.open(identity.identityDh().privateKey(), workerId,
          new Letter.Address(orgId, mailboxId, letter.getString("id")), rootPublicKey, at, sealed);
      return new Read(letter.getString("id"), letter.getString("from"), at,
          Optional.of(new JsonObject(new String(opened.content(), StandardCharsets.UTF_8))));
    } catch (CryptoException e) {
      if (e.reason() != CryptoException.Reason.NOT_A_RECIPIENT) {
        throw e;
      }
      return new Read(letter.getString("id"), letter.getString("from"), at, Optional.empty());
    }
  }

  private Future<JsonObject> send(String method, String path, Optional<String> body) {
    return transport.request(method, path, Optional.of(bearer), body).map(response -> {
      if (response.status() >= 300) {
        throw new IllegalStateException(method + " " + path + ": HTTP " + response.status() + " "
            + response.body().getString("code"));
      }
      return response.body();
    });
  }
}
