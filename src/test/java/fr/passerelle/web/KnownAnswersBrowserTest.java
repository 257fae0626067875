package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/protocol.md 12.11 in the browser, for both known-answer files: the one the Java side authors and the one this
 * side authors. From each file's inputs the JavaScript side must rebuild the file byte for byte, and open every
 * message, the note and the referral in it. With {@code -Dpasserelle.writeKnownAnswers=true} the JavaScript file is
 * first rewritten from the inputs of {@code known-answers-js.js}; review the diff:
 * {@code mvn -o -B -q test -Dtest=KnownAnswersBrowserTest -Dpasserelle.writeKnownAnswers=true}.
 */
class KnownAnswersBrowserTest {
  private static final Path JAVA_FILE = Path.of("src", "test", "resources", "e2e", "known-answers-v1.json");
  private static final Path JAVASCRIPT_FILE = Path.of("src", "test", "resources", "e2e", "known-answers-js-v1.json");
  private static final String MODULE = "/test/known-answers.js";
  private static final String AUTHOR = "/test/known-answers-js.js";
  private static final JsonArray SCRIPT = new JsonArray(
      "[[\"send\",1],[\"send\",2],[\"send\",3],[\"recv\",1],[\"recv\",3],[\"recv\",2],[\"send\",4],[\"send\",5],"
          + "[\"recv\",5],[\"recv\",4],[\"send\",6],[\"send\",7],[\"recv\",6],[\"send\",8],[\"recv\",8],[\"send\",9],"
          + "[\"recv\",9],[\"recv\",7],[\"send\",10],[\"recv\",10]]");
  private static final Map<Path, String> TEXTS = new HashMap<>();
  private static final Map<Path, String> REBUILT = new HashMap<>();
  private static Browser browser;

  @BeforeAll
  static void start() throws IOException {
    browser = Browser.start();
    if (Boolean.getBoolean("passerelle.writeKnownAnswers")) {
      Files.writeString(JAVASCRIPT_FILE, (String) browser.call(AUTHOR, "authoredText"));
    }
    for (Path file : files().toList()) {
      TEXTS.put(file, Files.readString(file));
      REBUILT.put(file, (String) browser.call(MODULE, "rebuildText", TEXTS.get(file)));
    }
  }

  @AfterAll
  static void stop() {
    browser.close();
  }

  static Stream<Path> files() {
    return Stream.of(JAVA_FILE, JAVASCRIPT_FILE);
  }

  @ParameterizedTest
  @MethodSource("files")
  void theFilePlaysTheScriptOfTheSpecification(Path file) {
    JsonObject json = new JsonObject(TEXTS.get(file));
    assertThat(json.getInteger("version")).isEqualTo(1);
    assertThat(json.getJsonArray("script")).isEqualTo(SCRIPT);
  }

  @ParameterizedTest
  @MethodSource("files")
  void theBrowserRebuildsTheFileByteForByte(Path file) {
    assertThat(REBUILT.get(file)).isEqualTo(TEXTS.get(file));
  }

  @Test
  void theJavaScriptFileHoldsTheInputsAuthoredInTheBrowser() {
    assertThat(browser.call(AUTHOR, "authoredText")).isEqualTo(TEXTS.get(JAVASCRIPT_FILE));
  }

  /** The same comparison member by member, so that a difference names the value that departs. */
  @TestFactory
  Stream<DynamicContainer> everyDerivedValueIsTheFilesValue() {
    return files().map(file -> dynamicContainer(file.getFileName().toString(),
        memberTests(new JsonObject(TEXTS.get(file)), new JsonObject(REBUILT.get(file)))));
  }

  @ParameterizedTest
  @MethodSource("files")
  void theBrowserOpensEveryMessageTheNoteAndTheReferralOfTheFile(Path file) {
    JsonObject json = new JsonObject(TEXTS.get(file));
    JsonObject opened = browser.object(MODULE, "openAll", json);
    for (Object message : json.getJsonArray("messages")) {
      JsonObject m = (JsonObject) message;
      assertThat(opened.getJsonObject("messages").getString(m.getInteger("n").toString()))
          .as("message %d", m.getInteger("n")).isEqualTo(m.getString("content"));
    }
    assertThat(opened.getString("transferNote")).isEqualTo(json.getJsonObject("transferNote").getString("content"));
    assertThat(opened.getString("referral")).isEqualTo(json.getJsonObject("referral").getString("content"));
  }

  private static Stream<DynamicTest> memberTests(JsonObject file, JsonObject rebuilt) {
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(dynamicTest("inputs, the certificate signed again from the seeds", () ->
        assertThat(rebuilt.getJsonObject("inputs")).isEqualTo(file.getJsonObject("inputs"))));
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
}
