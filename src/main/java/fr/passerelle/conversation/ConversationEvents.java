package fr.passerelle.conversation;

import io.vertx.core.json.JsonObject;

/** The wake-up events published on a conversation's channel, besides {@code envelope} (published by the store). */
public final class ConversationEvents {
  private ConversationEvents() {}

  public static JsonObject ended(String by) {
    return new JsonObject().put("type", "ended").put("by", by);
  }

  public static JsonObject visitorLeft() {
    return new JsonObject().put("type", "visitor-left");
  }

  public static JsonObject transferred(String to, String newConversation) {
    return new JsonObject().put("type", "transferred").put("to", to).put("next", newConversation);
  }

  public static JsonObject visitorKey(String key) {
    return new JsonObject().put("type", "visitor-key").put("publicKey", key);
  }

  public static JsonObject flagged(String flag) {
    return new JsonObject().put("type", "flagged").put("flag", flag);
  }

  /** The visitor answered a referral request: which one and yes or no, nothing else. */
  public static JsonObject consent(String request, boolean given) {
    return new JsonObject().put("type", "consent").put("request", request).put("given", given);
  }
}
