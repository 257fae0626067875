package fr.passerelle.web;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Worker certificates (docs/protocol.md, "Worker certificate (v1)") in the browser library, in headless Chromium. */
class CertificateBrowserTest extends OneBrowserPerClass {
  private static final String MODULE = "/test/certificates.js";
  private static final Map<String, String> EXPECTED = expected();
  @Test
  void theKnownAnswerOfTheSpecification() {
    JsonObject answer = browser.object(MODULE, "knownAnswer");
    assertThat(answer.getString("rootPublicKey"))
        .isEqualTo("8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c");
    assertThat(answer.getString("identityDhKey"))
        .isEqualTo("ce8d3ad1ccb633ec7b70c17814a5c76ecd029685050d344745ba05870e587d59");
    assertThat(answer.getString("identitySigningKey"))
        .isEqualTo("ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1");
    assertThat(answer.getString("body")).isEqualTo("01086f72672d64656d6f03772d310743616d696c6c65"
        + "ce8d3ad1ccb633ec7b70c17814a5c76ecd029685050d344745ba05870e587d59"
        + "ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1"
        + "000000006b36ec80000000006b5e7980");
    assertThat(answer.getString("signature")).isEqualTo("1ff1b098819a01a5ab0acb77e86c9cac0833166d71d70d945c3043087534539d"
        + "53b42ed530feeb9cf6e39c300714e7098a3a1009c089a42d6f3c1d6baf13a205");
    assertThat(answer.getInteger("length")).isEqualTo(166);
    assertThat(answer.getJsonObject("verified")).isEqualTo(new JsonObject().put("orgId", "org-demo")
        .put("workerId", "w-1").put("pseudonym", "Camille").put("identityDhKey", answer.getString("identityDhKey"))
        .put("identitySigningKey", answer.getString("identitySigningKey"))
        .put("notBefore", "1798761600").put("notAfter", "1801353600"));
  }

  /** Every check, one case each, in the order of verification where two fail at once. */
  @TestFactory
  Stream<DynamicTest> verificationAcceptsOrRefusesEachCaseForItsReason() {
    JsonObject outcomes = browser.object(MODULE, "outcomes");
    assertThat(outcomes.fieldNames()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    return EXPECTED.entrySet().stream().map(e -> dynamicTest(e.getKey() + " → " + e.getValue(),
        () -> assertThat(outcomes.getString(e.getKey())).isEqualTo(e.getValue())));
  }

  @Test
  void everyTruncationIsMalformedAndSigningRefusesWhatCannotBeParsed() {
    JsonObject result = browser.object(MODULE, "truncationsAndEncoding");
    assertThat(result.getInteger("truncationCount")).isEqualTo(166);
    assertThat(result.getJsonArray("truncations")).isEqualTo(new JsonArray().add("BAD_CERTIFICATE"));
    assertThat(result.getString("loneSurrogate")).isEqualTo("BAD_CERTIFICATE");
    assertThat(result.getString("tooLong")).isEqualTo("BAD_CERTIFICATE");
    assertThat(result.getString("lowOrderKey")).isEqualTo("BAD_CERTIFICATE");
    assertThat(result.getString("emptyWindow")).isEqualTo("BAD_CERTIFICATE");
    assertThat(result.getJsonObject("validityBounds")).isEqualTo(new JsonObject().put("widest", "ok")
        .put("beforeEpoch", "BAD_CERTIFICATE").put("after9999", "BAD_CERTIFICATE")
        .put("beyondInt64", "BAD_CERTIFICATE"));
    assertThat(result.getBoolean("bomKept")).as("a leading U+FEFF is part of the string, as in Java").isTrue();
  }

  private static Map<String, String> expected() {
    Map<String, String> cases = new LinkedHashMap<>();
    Stream.of(
        entry("valid", "ok"),
        entry("valid from notBefore", "ok"),
        entry("valid until notAfter - 1", "ok"),
        entry("now before notBefore", "NOT_YET_VALID"),
        entry("now at notAfter", "EXPIRED"),
        entry("another organisation", "WRONG_ORGANISATION"),
        entry("organisation differs in case only", "WRONG_ORGANISATION"),
        entry("signed by another root", "BAD_SIGNATURE"),
        entry("signature bit flipped", "BAD_SIGNATURE"),
        entry("pseudonym bit flipped", "BAD_SIGNATURE"),
        entry("S + L", "BAD_SIGNATURE"),
        entry("root public key of 31 bytes", "BAD_KEY_LENGTH"),
        entry("version 2", "BAD_CERTIFICATE"),
        entry("trailing byte", "BAD_CERTIFICATE"),
        entry("empty orgId", "BAD_CERTIFICATE"),
        entry("pseudonym of 64 bytes", "ok"),
        entry("pseudonym of 65 bytes", "BAD_CERTIFICATE"),
        entry("overlong UTF-8", "BAD_CERTIFICATE"),
        entry("encoded surrogate", "BAD_CERTIFICATE"),
        entry("code point above U+10FFFF", "BAD_CERTIFICATE"),
        entry("cut-short UTF-8", "BAD_CERTIFICATE"),
        entry("DH key all zeros", "BAD_CERTIFICATE"),
        entry("DH key of order 8", "BAD_CERTIFICATE"),
        entry("DH key u = p - 1", "BAD_CERTIFICATE"),
        entry("DH key u = p", "BAD_CERTIFICATE"),
        entry("DH key with the top bit set", "BAD_CERTIFICATE"),
        entry("signing key of small order", "BAD_CERTIFICATE"),
        entry("signing key not canonical", "BAD_CERTIFICATE"),
        entry("signing key not on the curve", "BAD_CERTIFICATE"),
        entry("notAfter equal to notBefore", "BAD_CERTIFICATE"),
        entry("notAfter before notBefore", "BAD_CERTIFICATE"),
        entry("widest window, 0 to 9999-12-31T23:59:59Z", "ok"),
        entry("notBefore -1", "BAD_CERTIFICATE"),
        entry("notAfter one second after 9999", "BAD_CERTIFICATE"),
        entry("widest int64 window", "BAD_CERTIFICATE"),
        entry("malformed and badly signed", "BAD_CERTIFICATE"),
        entry("foreign and badly signed", "BAD_SIGNATURE"),
        entry("foreign and expired", "WRONG_ORGANISATION"))
        .forEach(e -> cases.put(e.getKey(), e.getValue()));
    return cases;
  }
}
