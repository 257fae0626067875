package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Transfer notes and referrals (docs/protocol.md 12.7 and 12.8) in the browser library, and the encodings under
 * them: padding (12.5), message contents, and the strict unpadded base64url every binary value travels in.
 */
class SealedBrowserTest extends OneBrowserPerClass {
  private static final String MODULE = "/test/sealed.js";
  @Test
  void aTransferNoteOpensForItsRecipientOnlyAndProvesItsSender() {
    JsonObject result = browser.object(MODULE, "transferNotes");
    assertThat(result.getString("json")).isEqualTo(
        "{\"type\":\"transfer-note\",\"text\":\"Elle préfère le roumain.\",\"writtenAt\":\"2027-01-02T10:00:00Z\"}");
    assertThat(result.getString("text")).isEqualTo("Elle préfère le roumain.");
    assertThat(result.getString("sender")).isEqualTo("w-1");
    JsonObject refusals = result.copy();
    List.of("json", "text", "sender").forEach(refusals::remove);
    assertThat(refusals).isEqualTo(new JsonObject()
        .put("another recipient id", "AUTH_FAILED")
        .put("another recipient key", "AUTH_FAILED")
        .put("sender certificate swapped for a colleague's", "AUTH_FAILED")
        .put("sender certificate expired", "EXPIRED")
        .put("another organisation expected", "WRONG_ORGANISATION")
        .put("ciphertext bit flipped", "AUTH_FAILED")
        .put("version 2", "UNSUPPORTED_VERSION")
        .put("truncated before the ciphertext", new JsonObject().put("MALFORMED", 1 + 2 + 162 + 32))
        .put("a message content sealed as a note", "MALFORMED")
        .put("a note of 4001 characters", "RangeError"));
  }

  @Test
  void aReferralOpensOnlyForItsAssociationFormVersionAndReferralId() {
    assertThat(browser.object(MODULE, "referrals")).isEqualTo(new JsonObject()
        .put("opened", "{\"departement\":\"75\",\"languages\":[\"ro\",\"fr\"]}")
        .put("another association", "AUTH_FAILED")
        .put("another form version", "AUTH_FAILED")
        .put("another referral id", "AUTH_FAILED")
        .put("another association key", "AUTH_FAILED")
        .put("enc bit flipped", "AUTH_FAILED")
        .put("version 2", "UNSUPPORTED_VERSION")
        .put("truncated before the ciphertext", new JsonObject().put("MALFORMED", 33))
        .put("enc of low order", "LOW_ORDER_POINT")
        .put("not a JSON object", "MALFORMED"));
  }

  @Test
  void paddingContentsAndBase64urlAreStrict() {
    JsonObject result = browser.object(MODULE, "encodings");
    assertThat(result.getJsonArray("paddedLengths")).isEqualTo(new JsonArray(List.of(256, 256, 256, 256, 512, 512, 768)));
    assertThat(result.getJsonArray("unpadded")).isEqualTo(new JsonArray(List.of(0, 1, 255, 256)));
    assertThat(result.getJsonObject("padding")).isEqualTo(new JsonObject().put("", "MALFORMED").put("00", "MALFORMED")
        .put("80ff", "MALFORMED").put("6180ff00", "MALFORMED").put("61", "MALFORMED").put("0000", "MALFORMED"));
    assertThat(result.getJsonObject("contents")).isEqualTo(new JsonObject()
        .put("text of 4000 characters", "ok")
        .put("text of 4001 characters", "MALFORMED")
        .put("empty text", "MALFORMED")
        .put("unknown type and member", "ok")
        .put("no type", "MALFORMED")
        .put("an array", "MALFORMED")
        .put("not JSON", "MALFORMED")
        .put("not UTF-8", "MALFORMED"));
    assertThat(result.getJsonObject("base64url")).isEqualTo(new JsonObject()
        .put("", "ok").put("AA", "ok").put("AAA", "ok").put("AAAA", "ok").put("_-8", "ok").put("-_8", "ok")
        .put("AA==", "MALFORMED").put("AB", "MALFORMED").put("AAB", "MALFORMED").put("+/8", "MALFORMED")
        .put("A A", "MALFORMED").put("A", "MALFORMED"));
    assertThat(result.getString("encoded"))
        .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(HexFormat.of().parseHex("fbff00")));
    assertThat(result.getBoolean("roundTrips")).isTrue();
    // As the Java side (WireTest): no '?' or U+FFFD for a lone surrogate, and no length that overflows its prefix.
    assertThat(result.getJsonObject("strings")).isEqualTo(new JsonObject()
        .put("a lone surrogate", "MALFORMED").put("255 bytes in lp8", "ok").put("256 bytes in lp8", "MALFORMED")
        .put("a lone surrogate in a text message", "RangeError"));
  }
}
