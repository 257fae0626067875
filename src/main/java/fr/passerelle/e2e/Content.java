package fr.passerelle.e2e;

import fr.passerelle.crypto.Base64Url;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Message contents of version 1 (docs/protocol.md 12.5 and 12.7), as the UTF-8 JSON bytes that get padded and
 * encrypted. Members come in the order written here; receivers must not rely on it.
 */
public final class Content {
  /** The most characters (Unicode code points) in a text or a transfer note. */
  public static final int MAX_TEXT_LENGTH = 4000;

  private Content() {}

  /** {@code {"type":"hello"}}: the worker's init when it has nothing to say yet. */
  public static byte[] hello() {
    return utf8(new JsonObject().put("type", "hello"));
  }

  /** {@code {"type":"text","text":…}}: a chat message of 1 to 4000 characters. */
  public static byte[] text(String text) {
    return utf8(new JsonObject().put("type", "text").put("text", checked(text)));
  }

  /** {@code {"type":"transfer-note","text":…,"writtenAt":…}}, with writtenAt in UTC, to the second. */
  public static byte[] transferNote(String text, Instant writtenAt) {
    return utf8(new JsonObject().put("type", "transfer-note").put("text", checked(text))
        .put("writtenAt", writtenAt.truncatedTo(ChronoUnit.SECONDS).toString()));
  }

  /**
   * {@code {"type":"letter","text":…,"replyKey":…,"language":…}}: a letter (12.12). {@code replyPub} (base64url in
   * {@code replyKey}) is given in a visitor's letters only, {@code language} (a BCP-47 tag) when known; either may be
   * null and is then left out.
   */
  public static byte[] letter(String text, byte[] replyPub, String language) {
    JsonObject json = new JsonObject().put("type", "letter").put("text", checked(text));
    if (replyPub != null) {
      json.put("replyKey", Base64Url.encode(replyPub));
    }
    if (language != null) {
      json.put("language", language);
    }
    return utf8(json);
  }

  private static String checked(String text) {
    if (text.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
      throw new IllegalArgumentException("a text must be well-formed Unicode: it holds a lone surrogate");
    }
    int length = text.codePointCount(0, text.length());
    if (length < 1 || length > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException("a text must be 1 to " + MAX_TEXT_LENGTH + " characters, not " + length);
    }
    return text;
  }

  private static byte[] utf8(JsonObject json) {
    return Wire.utf8(json.encode(), "content");
  }
}
