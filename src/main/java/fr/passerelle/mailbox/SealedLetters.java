package fr.passerelle.mailbox;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.http.JsonBody;
import io.vertx.core.json.JsonObject;

/**
 * The {@code sealed} field of a posted letter: unpadded base64url of at most {@code limits.letterBytes} bytes that
 * start with version 1 and the kind the route expects. The server looks no further: it cannot open a letter.
 */
final class SealedLetters {
  static final String FIELD = "sealed";

  private SealedLetters() {}

  /** The field as sent, once checked: {@code too_large} over the limit, else {@code invalid_field}. */
  static String check(JsonObject body, int maxBytes, int kind) {
    if (!(body.getValue(FIELD) instanceof String sealed)) {
      throw JsonBody.invalid(FIELD, "is required, as base64url text");
    }
    if (sealed.length() > base64Length(maxBytes)) {
      throw new ApiException(ErrorCode.TOO_LARGE, "a letter may have at most " + maxBytes + " bytes");
    }
    byte[] bytes = Base64Url.decode(sealed)
        .orElseThrow(() -> JsonBody.invalid(FIELD, "must be unpadded base64url"));
    if (bytes.length > maxBytes) {
      throw new ApiException(ErrorCode.TOO_LARGE, "a letter may have at most " + maxBytes + " bytes");
    }
    if (bytes.length < 2 || bytes[0] != 1 || bytes[1] != kind) {
      throw JsonBody.invalid(FIELD, "must be a letter of version 1 and kind " + kind);
    }
    return sealed;
  }

  /** Characters of unpadded base64 for {@code bytes} bytes. */
  static int base64Length(int bytes) {
    return (int) ((4L * bytes + 2) / 3);
  }

  /** A request body limit that lets through a letter of {@code maxBytes} with its JSON around it. */
  static int bodyLimit(int maxBytes) {
    return base64Length(maxBytes) + 4096;
  }
}
