package fr.passerelle.referral;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.http.JsonBody;
import fr.passerelle.protocol.Fields;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/** The wire forms of referrals (docs/api.md, "Referrals"), and the checks on what a worker posts. */
final class ReferralJson {
  /** The referral form's version the ciphertext is bound to (docs/protocol.md 12.8). */
  static final int FORM_VERSION = 1;
  /** A sealed referral's smallest layout: version, HPKE enc, AEAD tag (docs/protocol.md 12.8). */
  private static final int MIN_SEALED = 1 + 32 + 16;

  private ReferralJson() {}

  /** What a worker posts, checked: {@code invalid_field}, or {@code too_large} over {@code maxBytes} decoded. */
  record Posted(String id, String conversation, String request, String association, String keyId, String sealed) {

    /** Identifies the body, so that a resend is told from another referral under the same id. */
    String digest() {
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String part : new String[] {conversation, request, association, keyId, sealed}) {
          sha.update(part.getBytes(StandardCharsets.UTF_8));
          sha.update((byte) 0);
        }
        return Base64Url.encode(sha.digest());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static Posted posted(JsonObject body, int maxBytes) {
    return new Posted(Fields.id(body, "id"), Fields.id(body, "conversation"), Fields.id(body, "request"),
        Fields.id(body, "association"), Fields.id(body, "keyId"), sealed(body, maxBytes));
  }

  private static String sealed(JsonObject body, int maxBytes) {
    if (!(body.getValue("sealed") instanceof String sealed)) {
      throw JsonBody.invalid("sealed", "is required, as unpadded base64url text");
    }
    ApiException tooLarge = new ApiException(ErrorCode.TOO_LARGE,
        "a sealed referral may have at most " + maxBytes + " bytes");
    if (sealed.length() > base64Length(maxBytes)) {
      throw tooLarge;
    }
    byte[] bytes = Base64Url.decode(sealed).orElseThrow(() -> JsonBody.invalid("sealed", "must be unpadded base64url"));
    if (bytes.length > maxBytes) {
      throw tooLarge;
    }
    if (bytes.length < MIN_SEALED || bytes[0] != 1) {
      throw JsonBody.invalid("sealed", "must be a sealed referral of version 1");
    }
    return sealed;
  }

  /** Characters of unpadded base64 for {@code bytes} bytes. */
  private static int base64Length(int bytes) {
    return (int) ((4L * bytes + 2) / 3);
  }

  /** A request body limit that lets a referral of {@code maxBytes} through with its JSON around it. */
  static int bodyLimit(int maxBytes) {
    return base64Length(maxBytes) + 4096;
  }

  /** What the worker who sent it sees; {@code associationName} when the association is still listed. */
  static JsonObject forWorker(Referral r, Optional<String> associationName) {
    return new JsonObject().put("id", r.id()).put("association", r.associationId())
        .put("associationName", associationName.orElse(null)).put("status", r.status().wire())
        .put("created", r.created().toString()).put("expiresAt", r.expiresAt().toString())
        .put("updated", r.updated().toString());
  }

  /** The answer to the worker's POST. */
  static JsonObject sent(Referral r) {
    return new JsonObject().put("id", r.id()).put("association", r.associationId()).put("status", r.status().wire())
        .put("created", r.created().toString()).put("expiresAt", r.expiresAt().toString());
  }

  /** A line of the association's inbox. */
  static JsonObject listed(Referral r) {
    return new JsonObject().put("id", r.id()).put("keyId", r.keyId()).put("status", r.status().wire())
        .put("created", r.created().toString()).put("expiresAt", r.expiresAt().toString());
  }

  /** The sealed referral, for the intake officer to open. */
  static JsonObject sealed(Referral r) {
    return new JsonObject().put("id", r.id()).put("association", r.associationId()).put("keyId", r.keyId())
        .put("formVersion", FORM_VERSION).put("sealed", r.sealed().orElseThrow())
        .put("created", r.created().toString()).put("expiresAt", r.expiresAt().toString());
  }

  static JsonObject status(Referral r) {
    return new JsonObject().put("id", r.id()).put("status", r.status().wire());
  }

  /** A line of the admin's list of referrals about to expire unread. */
  static JsonObject expiring(Referral r, Optional<String> associationName) {
    return new JsonObject().put("id", r.id()).put("association", r.associationId())
        .put("associationName", associationName.orElse(null)).put("created", r.created().toString())
        .put("expiresAt", r.expiresAt().toString());
  }
}
