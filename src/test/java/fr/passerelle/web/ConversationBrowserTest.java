package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The handshake and the Double Ratchet (docs/protocol.md 12.3 to 12.6) in the browser library: round trips,
 * out-of-order delivery, and each refusal with its reason, the session staying usable afterwards.
 */
class ConversationBrowserTest extends OneBrowserPerClass {
  private static final String MODULE = "/test/conversations.js";
  @Test
  void bothSidesReadEachOtherTurnAfterTurnAndShowTheSameSafetyCode() {
    JsonObject result = browser.object(MODULE, "roundTrip");
    assertThat(result.getString("first")).isEqualTo("Bonjour");
    assertThat(result.getString("pseudonym")).isEqualTo("Camille");
    assertThat(result.getJsonArray("received")).containsExactly(
        "w1a", "w1b", "v1a", "v1b", "w2a", "w2b", "v2a", "v2b", "w3a", "w3b", "v3a", "v3b");
    assertThat(result.getString("workerCode")).matches("\\d{5} \\d{5} \\d{5} \\d{5}")
        .isEqualTo(result.getString("visitorCode"));
    assertThat(result.getInteger("messageHeaderLength")).isEqualTo(42);
    assertThat(result.getInteger("initBodyLength")).as("one padded block and the tag").isEqualTo(256 + 16);
    assertThat(result.getInteger("messageBodyLength")).isEqualTo(256 + 16);
  }

  @Test
  void messagesOpenInAnyOrderWithinAChainAndAcrossADhStep() {
    assertThat(browser.object(MODULE, "outOfOrder").getJsonArray("received"))
        .isEqualTo(new JsonArray(List.of("w3", "w1", "v2", "x2", "v1", "w2", "x1")));
  }

  @Test
  void aChangedBodyOrHeaderDoesNotOpenAndChangesNothing() {
    assertThat(browser.object(MODULE, "tampering")).isEqualTo(new JsonObject()
        .put("body bit flipped", "AUTH_FAILED")
        .put("tag bit flipped", "AUTH_FAILED")
        .put("body truncated", "AUTH_FAILED")
        .put("body empty", "AUTH_FAILED")
        .put("previous chain length changed", "AUTH_FAILED")
        .put("ratchet key changed", "AUTH_FAILED")
        .put("version 2", "UNSUPPORTED_VERSION")
        .put("kind 3", "UNSUPPORTED_VERSION")
        .put("header with a trailing byte", "MALFORMED")
        .put("header lengths 0 to 41", new JsonObject().put("MALFORMED", 42))
        .put("genuine afterwards", "genuine"));
  }

  @Test
  void theTranscriptBindsEveryMessageAndTheInitToTheirConversation() {
    assertThat(browser.object(MODULE, "wrongAssociatedData")).isEqualTo(new JsonObject()
        .put("message of c-1 in c-2", "AUTH_FAILED")
        .put("init of c-1 accepted as c-2", "BAD_SIGNATURE")
        .put("message of c-1 in c-1", "for c-1"));
  }

  @Test
  void replaysAreDuplicatesAndInitsForAnotherKeyAreIgnored() {
    assertThat(browser.object(MODULE, "replays")).isEqualTo(new JsonObject()
        .put("message delivered twice", "DUPLICATE")
        .put("init delivered again", "DUPLICATE")
        .put("another init for the same key", "DUPLICATE")
        .put("init for a replaced key", "WRONG_VISITOR_KEY")
        .put("init at the worker", "MALFORMED")
        .put("message of an earlier turn", "AUTH_FAILED")
        .put("next message afterwards", "w3"));
  }

  @Test
  void noMessageMakesTheReceiverSkipMoreThanMaxSkipKeysAndTheStoreDropsItsOldest() {
    assertThat(browser.object(MODULE, "skipping")).isEqualTo(new JsonObject()
        .put("maxSkip", 1000)
        .put("skipping 1001 keys", "TOO_MANY_SKIPPED")
        .put("skipping 1002 keys of the chain a DH step closes", "TOO_MANY_SKIPPED")
        .put("skipping 1000 keys", "m1001")
        .put("DH step that stores one more key", "next turn")
        .put("oldest key, dropped", "AUTH_FAILED")
        .put("next oldest key", "m2")
        .put("newest skipped key", "m1002"));
  }

  @Test
  void lowOrderAllZeroNonCanonicalAndShortKeysAreRefusedWhereverTheyComeIn() {
    assertThat(browser.object(MODULE, "badKeys")).isEqualTo(new JsonObject()
        .put("visitor key all zeros", "LOW_ORDER_POINT")
        .put("visitor key of order 8", "LOW_ORDER_POINT")
        .put("visitor key u = p - 1", "LOW_ORDER_POINT")
        .put("visitor key u = p", "NON_CANONICAL_KEY")
        .put("visitor key with the top bit set", "NON_CANONICAL_KEY")
        .put("visitor key of 31 bytes", "BAD_KEY_LENGTH")
        .put("worker ephemeral key all zeros", "LOW_ORDER_POINT")
        .put("worker ephemeral key u = p", "NON_CANONICAL_KEY")
        .put("ratchet key all zeros", "LOW_ORDER_POINT")
        .put("ratchet key of order 8", "LOW_ORDER_POINT")
        .put("ratchet key with the top bit set", "NON_CANONICAL_KEY")
        .put("genuine afterwards", "after"));
  }

  @Test
  void theVisitorRefusesAnInitForItsCertificateSignatureOrLayout() {
    assertThat(browser.object(MODULE, "initRefusals")).isEqualTo(new JsonObject()
        .put("accepted", "ok")
        .put("certificate expired", "EXPIRED")
        .put("certificate not yet valid", "NOT_YET_VALID")
        .put("certificate of another organisation", "WRONG_ORGANISATION")
        .put("another pinned root", "BAD_SIGNATURE")
        .put("certificate forged", "BAD_SIGNATURE")
        .put("init signed by another key", "BAD_SIGNATURE")
        .put("init signature bit flipped", "BAD_SIGNATURE")
        .put("a message header where an init belongs", "MALFORMED")
        .put("init body changed", "AUTH_FAILED")
        .put("init truncated at every length", new JsonObject().put("MALFORMED", 338))
        .put("init of version 2", "UNSUPPORTED_VERSION")
        .put("init signature by the right key over another transcript", "BAD_SIGNATURE"));
  }
}
