package fr.passerelle.client;

import io.vertx.core.json.JsonObject;

/**
 * A message opened by a secure client: the conversation it belongs to, its {@code seq}, and its decrypted content
 * (docs/protocol.md 12.5), such as {@code {"type":"text","text":"…"}}. For a transfer note, {@code seq} is 0 and the
 * content is the note, with the writer's verified pseudonym added as {@code from}.
 */
public record Received(String conversation, long seq, JsonObject content) {

  /** The text of a {@code text} or {@code transfer-note} content. */
  public String text() {
    return content.getString("text");
  }

  public String type() {
    return content.getString("type");
  }
}
