package fr.passerelle.mailbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/** The JSON shapes of docs/api.md for mailboxes and letters. */
final class MailboxJson {

  private MailboxJson() {}

  /** A letter as the visitor sees it: no staff id. */
  static JsonObject forVisitor(StoredLetter letter) {
    return new JsonObject().put("id", letter.id()).put("from", letter.from().wire()).put("at", letter.at().toString())
        .put("sealed", letter.sealed());
  }

  /** A letter as staff see it: a worker's letter names its writer. */
  static JsonObject forStaff(StoredLetter letter) {
    JsonObject json = forVisitor(letter);
    letter.workerId().ifPresent(id -> json.put("worker", id));
    return json;
  }

  static JsonObject visitorMailbox(Mailbox mailbox, Duration retention) {
    return new JsonObject().put("mailbox", mailbox.id())
        .put("letters", new JsonArray(mailbox.letters().stream().map(MailboxJson::forVisitor).toList()))
        .put("expiresAt", mailbox.expiresAt(retention).toString());
  }

  static JsonObject staffMailbox(Mailbox mailbox, Duration retention) {
    return new JsonObject().put("id", mailbox.id()).put("languages", new JsonArray(mailbox.languages()))
        .put("letters", new JsonArray(mailbox.letters().stream().map(MailboxJson::forStaff).toList()))
        .put("expiresAt", mailbox.expiresAt(retention).toString());
  }

  static JsonObject summary(Mailbox mailbox, Duration retention) {
    return new JsonObject().put("id", mailbox.id()).put("languages", new JsonArray(mailbox.languages()))
        .put("created", mailbox.created().toString()).put("updated", mailbox.updated().toString())
        .put("letters", mailbox.letters().size()).put("awaitingReply", mailbox.awaitingReply())
        .put("expiresAt", mailbox.expiresAt(retention).toString());
  }

  /** The answer to a posted letter. */
  static JsonObject stored(MailboxStore.Appended appended) {
    JsonObject json = new JsonObject().put("id", appended.letter().id()).put("at", appended.letter().at().toString());
    if (appended.duplicate()) {
      json.put("duplicate", true);
    }
    return json;
  }
}
