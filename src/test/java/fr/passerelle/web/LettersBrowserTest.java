package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Letters and message codes (docs/protocol.md 12.12) in the browser library, against both known-answer files: the
 * one the Java side authors and the one this side authors. From each file's inputs the page must rebuild the file
 * byte for byte and open every stanza of every letter. With {@code -Dpasserelle.writeKnownAnswers=true} the
 * JavaScript file is first rewritten from the inputs of {@code letters-js.js}; review the diff.
 */
class LettersBrowserTest extends OneBrowserPerClass {
  private static final Path JAVA_FILE = Path.of("src", "test", "resources", "e2e", "letters-v1.json");
  private static final Path JAVASCRIPT_FILE = Path.of("src", "test", "resources", "e2e", "letters-js-v1.json");
  private static final String MODULE = "/test/letters.js";
  private static final String AUTHOR = "/test/letters-js.js";

  @BeforeAll
  static void writeTheJavaScriptFileWhenAsked() throws IOException {
    if (Boolean.getBoolean("passerelle.writeKnownAnswers")) {
      Files.writeString(JAVASCRIPT_FILE, (String) browser.call(AUTHOR, "authoredText"));
    }
  }

  static Stream<Path> files() {
    return Stream.of(JAVA_FILE, JAVASCRIPT_FILE);
  }

  @ParameterizedTest
  @MethodSource("files")
  void theBrowserRebuildsTheFileByteForByte(Path file) throws IOException {
    String text = Files.readString(file);
    assertThat(browser.call(MODULE, "rebuildText", text)).isEqualTo(text);
  }

  @Test
  void theJavaScriptFileHoldsTheInputsAuthoredInTheBrowser() throws IOException {
    assertThat(browser.call(AUTHOR, "authoredText")).isEqualTo(Files.readString(JAVASCRIPT_FILE));
  }

  @ParameterizedTest
  @MethodSource("files")
  void everyRecipientOfEveryLetterOpensItsContentAndWorkerLettersNameTheirSender(Path file) throws IOException {
    String text = Files.readString(file);
    JsonObject json = new JsonObject(text);
    JsonObject opened = browser.object(MODULE, "openAll", text);
    assertThat(json.getJsonArray("letters")).hasSizeGreaterThanOrEqualTo(2);
    for (Object item : json.getJsonArray("letters")) {
      JsonObject letter = (JsonObject) item;
      JsonObject byRecipient = opened.getJsonObject(letter.getString("letterId"));
      assertThat(byRecipient.fieldNames()).containsExactlyInAnyOrderElementsOf(
          letter.getJsonArray("recipients").getList());
      for (String recipient : byRecipient.fieldNames()) {
        JsonObject read = byRecipient.getJsonObject(recipient);
        assertThat(read.getString("json")).as("%s for %s", letter.getString("letterId"), recipient)
            .isEqualTo(letter.getString("content"));
        assertThat(read.getString("sender")).isEqualTo(letter.getInteger("kind") == 2 ? letter.getString("sender") : null);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("files")
  void aChangedLetterOrAnotherRecipientOrBindingIsRefusedWithItsReason(Path file) throws IOException {
    JsonObject letters = browser.object(MODULE, "refusals", Files.readString(file)).getJsonObject("letters");
    assertThat(letters).isEqualTo(new JsonObject()
        .put("as sealed", "ok")
        .put("body bit flipped", "AUTH_FAILED")
        .put("stanza bit flipped", "AUTH_FAILED")
        .put("another mailbox id", "AUTH_FAILED")
        .put("another letter id", "AUTH_FAILED")
        .put("another organisation", "AUTH_FAILED")
        .put("not a recipient", "NOT_A_RECIPIENT")
        .put("another recipient key", "AUTH_FAILED")
        .put("version 2", "UNSUPPORTED_VERSION")
        .put("kind 3", "MALFORMED")
        .put("kind 1 read as kind 2", "MALFORMED")
        .put("no stanza", "MALFORMED")
        .put("a stanza twice", "MALFORMED")
        .put("truncated in a stanza", "MALFORMED")
        .put("body swapped with the reply's", "AUTH_FAILED")
        .put("reply as sealed", "ok")
        .put("reply dated on its sender's certificate last second", "ok")
        .put("reply dated when its sender's certificate had expired", "EXPIRED")
        .put("reply dated before its sender's certificate", "NOT_YET_VALID")
        .put("reply sender certificate bit flipped", "BAD_SIGNATURE")
        .put("reply sealed again is the same", "ok"));
  }

  @Test
  void aMessageCodeIsNormalisedOrRefusedBeforeAnythingIsDerived() throws IOException {
    JsonObject codes = browser.object(MODULE, "refusals", Files.readString(JAVASCRIPT_FILE)).getJsonObject("codes");
    String code = "K7QM2XH4RZ9TBWD3FNPV";
    assertThat(codes).isEqualTo(new JsonObject()
        .put(code.toLowerCase(), code)
        .put(" K7QM-2XH4-RZ9T-BWD3-FNPV\n", code)
        .put("OIL0-0000-0000-0000-0000", "01100000000000000000")
        .put("", "INVALID_CODE")
        .put("ABCD", "INVALID_CODE")
        .put(code + "0", "INVALID_CODE")
        .put("K7QM2XH4RZ9TBWD3FNPU", "INVALID_CODE")
        .put("K7QM2XH4RZ9TBWD3FNP*", "INVALID_CODE")
        .put("K7QM2XH4RZ9TBWD3FNPé", "INVALID_CODE")
        .put("resume-code-words", "INVALID_CODE"));
  }
}
