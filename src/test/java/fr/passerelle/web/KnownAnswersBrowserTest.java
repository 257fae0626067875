package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/protocol.md 12.11 in the browser: from the inputs of the known-answer file the Java side wrote, the
 * JavaScript side must rebuild the file byte for byte, and open every message, the note and the referral in it.
 */
class KnownAnswersBrowserTest {
  private static final String FILE = "/e2e/known-answers-v1.json";
  private static final String MODULE = "/test/known-answers.js";
  private static final JsonArray SCRIPT = new JsonArray(
      "[[\"send\",1],[\"send\",2],[\"send\",3],[\"recv\",1],[\"recv\",3],[\"recv\",2],[\"send\",4],[\"send\",5],"
          + "[\"recv\",5],[\"recv\",4],[\"send\",6],[\"send\",7],[\"recv\",6],[\"send\",8],[\"recv\",8],[\"send\",9],"
          + "[\"recv\",9],[\"recv\",7],[\"send\",10],[\"recv\",10]]");
  private static Browser browser;
  private static String text;
  private static JsonObject file;
  private static JsonObject rebuilt;

  @BeforeAll
  static void start() {
    text = read();
    file = new JsonObject(text);
    browser = Browser.start();
    rebuilt = new JsonObject((String) browser.call(MODULE, "rebuildText", text));
  }

  @AfterAll
  static void stop() {
    browser.close();
  }

  @Test
  void theFilePlaysTheScriptOfTheSpecification() {
    assertThat(file.getInteger("version")).isEqualTo(1);
    assertThat(file.getJsonArray("script")).isEqualTo(SCRIPT);
  }

  @Test
  void theBrowserRebuildsTheFileByteForByte() {
    assertThat(browser.call(MODULE, "rebuildText", text)).isEqualTo(text);
  }

  /** The same comparison member by member, so that a difference names the value that departs. */
  @TestFactory
  Stream<DynamicTest> everyDerivedValueIsTheFilesValue() {
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(dynamicTest("inputs, the certificate signed again from the seeds", () -> assertThat(rebuilt.getJsonObject("inputs"))
        .isEqualTo(file.getJsonObject("inputs"))));
    for (String name : file.getJsonObject("handshake").fieldNames()) {
      tests.add(dynamicTest("handshake." + name, () -> assertThat(rebuilt.getJsonObject("handshake").getValue(name))
          .isEqualTo(file.getJsonObject("handshake").getValue(name))));
    }
    for (int i = 0; i < file.getJsonArray("messages").size(); i++) {
      JsonObject expected = file.getJsonArray("messages").getJsonObject(i);
      JsonObject actual = rebuilt.getJsonArray("messages").getJsonObject(i);
      tests.add(dynamicTest("message " + expected.getInteger("n") + " header", () ->
          assertThat(actual.getString("header")).isEqualTo(expected.getString("header"))));
      tests.add(dynamicTest("message " + expected.getInteger("n") + " body", () ->
          assertThat(actual.getString("body")).isEqualTo(expected.getString("body"))));
    }
    tests.add(dynamicTest("transferNote.note", () -> assertThat(rebuilt.getJsonObject("transferNote"))
        .isEqualTo(file.getJsonObject("transferNote"))));
    tests.add(dynamicTest("referral.sealed", () -> assertThat(rebuilt.getJsonObject("referral"))
        .isEqualTo(file.getJsonObject("referral"))));
    return tests.stream();
  }

  @Test
  void theBrowserOpensEveryMessageTheNoteAndTheReferralOfTheFile() {
    JsonObject opened = browser.object(MODULE, "openAll", file);
    for (Object message : file.getJsonArray("messages")) {
      JsonObject m = (JsonObject) message;
      assertThat(opened.getJsonObject("messages").getString(m.getInteger("n").toString()))
          .as("message %d", m.getInteger("n")).isEqualTo(m.getString("content"));
    }
    assertThat(opened.getString("transferNote")).isEqualTo(file.getJsonObject("transferNote").getString("content"));
    assertThat(opened.getString("referral")).isEqualTo(file.getJsonObject("referral").getString("content"));
  }

  private static String read() {
    try (InputStream in = KnownAnswersBrowserTest.class.getResourceAsStream(FILE)) {
      if (in == null) {
        throw new AssertionError(FILE + " is missing from the test resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
