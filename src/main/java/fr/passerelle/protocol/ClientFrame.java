package fr.passerelle.protocol;

import static fr.passerelle.http.JsonBody.invalid;
import static fr.passerelle.http.JsonBody.optionalBoolean;
import static fr.passerelle.http.JsonBody.optionalString;
import static fr.passerelle.http.JsonBody.requireString;
import static fr.passerelle.protocol.Fields.base64;
import static fr.passerelle.protocol.Fields.id;
import static fr.passerelle.protocol.Fields.languages;
import static fr.passerelle.protocol.Fields.nonNegativeLong;
import static fr.passerelle.protocol.Fields.optionalId;

import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.queue.Flag;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Every frame a client may send on a WebSocket, parsed and validated; see docs/protocol.md. */
public sealed interface ClientFrame {
  int MAX_KEY = 256;
  int MAX_HEADER = 2048;
  int MAX_NOTE = 16_384;
  /** Bodies are bounded by the frame limit; this only keeps the field rule finite. */
  int MAX_BODY = 16 * 1024 * 1024;

  record VisitorAuth(String session, String secret) implements ClientFrame {}

  record StaffAuth(String token) implements ClientFrame {}

  record Join(List<String> languages, String publicKey, Optional<String> topic) implements ClientFrame {}

  record Leave() implements ClientFrame {}

  record RotateKey(String publicKey) implements ClientFrame {}

  record Send(Optional<String> conversation, String id, String header, String body) implements ClientFrame {}

  record Ack(Optional<String> conversation, long seq) implements ClientFrame {}

  record Sync(Optional<String> conversation, long after) implements ClientFrame {}

  record Erase() implements ClientFrame {}

  /** The visitor's answer to a referral request, told to the server as well as (encrypted) to the worker. */
  record Consent(String conversation, String request, boolean given) implements ClientFrame {}

  record Presence(boolean available) implements ClientFrame {}

  record Accept(String entry) implements ClientFrame {}

  record Decline(String entry) implements ClientFrame {}

  record Transfer(String conversation, Optional<String> to, Optional<String> note) implements ClientFrame {}

  record End(String conversation) implements ClientFrame {}

  record Mark(String conversation, Flag flag) implements ClientFrame {}

  record Ping() implements ClientFrame {}

  /**
   * Parses one text frame (at most {@code maxBytes} in UTF-8); fails with {@code too_large}, {@code bad_json},
   * {@code unknown_type} or {@code invalid_field}.
   */
  static ClientFrame parse(String text, int maxBytes) {
    if (text.length() > maxBytes
        || (text.length() * 3L > maxBytes && text.getBytes(StandardCharsets.UTF_8).length > maxBytes)) {
      throw new ApiException(ErrorCode.TOO_LARGE, "frames are limited to " + maxBytes + " bytes");
    }
    JsonObject json;
    try {
      json = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      throw ApiException.of(ErrorCode.BAD_JSON);
    }
    Object type = json.getValue("type");
    if (!(type instanceof String)) {
      throw invalid("type", "is required");
    }
    return of((String) type, json);
  }

  private static ClientFrame of(String type, JsonObject json) {
    return switch (type) {
      case "auth" -> json.containsKey("token")
          ? new StaffAuth(requireString(json, "token", 4096))
          : new VisitorAuth(id(json, "session"), id(json, "secret"));
      case "join" -> new Join(languages(json, "languages"), base64(json, "publicKey", MAX_KEY, false),
          optionalString(json, "topic", 64));
      case "leave" -> new Leave();
      case "key" -> new RotateKey(base64(json, "publicKey", MAX_KEY, false));
      case "send" -> new Send(optionalId(json, "conversation"), id(json, "id"),
          base64(json, "header", MAX_HEADER, true), base64(json, "body", MAX_BODY, false));
      case "ack" -> new Ack(optionalId(json, "conversation"), nonNegativeLong(json, "seq"));
      case "sync" -> new Sync(optionalId(json, "conversation"), nonNegativeLong(json, "after"));
      case "erase" -> new Erase();
      case "consent" -> new Consent(id(json, "conversation"), id(json, "request"),
          optionalBoolean(json, "given").orElseThrow(() -> invalid("given", "is required")));
      case "presence" -> new Presence(presence(json));
      case "accept" -> new Accept(id(json, "entry"));
      case "decline" -> new Decline(id(json, "entry"));
      case "transfer" -> new Transfer(id(json, "conversation"), optionalId(json, "to"),
          json.containsKey("note") ? Optional.of(base64(json, "note", MAX_NOTE, false)) : Optional.empty());
      case "end" -> new End(id(json, "conversation"));
      case "flag" -> new Mark(id(json, "conversation"), Flag.fromWire(requireString(json, "flag", 32))
          .orElseThrow(() -> invalid("flag", "must be possible-minor or danger")));
      case "ping" -> new Ping();
      default -> throw new ApiException(ErrorCode.UNKNOWN_TYPE, "unknown frame type");
    };
  }

  private static boolean presence(JsonObject json) {
    String status = requireString(json, "status", 16);
    return switch (status) {
      case "available" -> true;
      case "away" -> false;
      default -> throw invalid("status", "must be available or away");
    };
  }
}
