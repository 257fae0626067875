package fr.passerelle.protocol;

import fr.passerelle.conversation.Conversation;
import fr.passerelle.conversation.Envelope;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.queue.Flag;
import fr.passerelle.queue.QueueEntry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;

/** Builds every frame the server sends, so their shapes live in one place; see docs/protocol.md. */
public final class ServerFrames {
  private ServerFrames() {}

  public static JsonObject of(String type) {
    return new JsonObject().put("type", type);
  }

  public static JsonObject error(ApiException e, Optional<String> ref) {
    JsonObject frame = of("error").put("code", e.code().wire()).put("message", e.getMessage());
    e.retryAfter().ifPresent(d -> frame.put("retryAfterSeconds", Math.max(1, d.toSeconds())));
    ref.ifPresent(r -> frame.put("ref", r));
    return frame;
  }

  public static JsonObject error(ErrorCode code) {
    return error(ApiException.of(code), Optional.empty());
  }

  public static JsonObject envelope(String conversation, Envelope e) {
    return of("envelope").put("conversation", conversation).put("seq", e.seq()).put("id", e.id())
        .put("from", e.from().wire()).put("header", e.header()).put("body", e.body())
        .put("storedAt", e.storedAt().toString());
  }

  public static JsonObject stored(String conversation, Envelope e, boolean duplicate) {
    return of("stored").put("conversation", conversation).put("id", e.id()).put("seq", e.seq())
        .put("duplicate", duplicate);
  }

  public static JsonObject position(int position, OptionalLong etaSeconds) {
    JsonObject frame = of("queue").put("position", position);
    frame.put("etaSeconds", etaSeconds.isPresent() ? etaSeconds.getAsLong() : null);
    return frame;
  }

  /** What a worker sees of a waiting visitor: metadata only. */
  public static JsonObject entry(QueueEntry e, Instant now, boolean eligible, boolean languageMatch) {
    return new JsonObject().put("entry", e.id()).put("languages", new JsonArray(e.languages()))
        .put("priority", e.priority()).put("flags", flags(e.flags()))
        .put("waitingSeconds", Duration.between(e.enqueuedAt(), now).toSeconds())
        .put("topic", e.topic().orElse(null)).put("eligible", eligible).put("languageMatch", languageMatch);
  }

  /** A conversation as its worker sees it. */
  public static JsonObject conversation(Conversation c) {
    return new JsonObject().put("conversation", c.id()).put("languages", new JsonArray(c.languages()))
        .put("priority", c.priority()).put("flags", flags(c.flags())).put("visitorKey", c.visitorKey())
        .put("startedAt", c.startedAt().toString());
  }

  public static JsonArray flags(Collection<Flag> flags) {
    return new JsonArray(flags.stream().map(Flag::wire).sorted().toList());
  }
}
