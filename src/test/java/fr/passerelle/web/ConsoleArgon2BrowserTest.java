package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The console's plain-JavaScript BLAKE2b and Argon2id against their published known answers, and its reading of
 * organisation key files, in the browser: what lets an admin open a passphrase-sealed key file without the CLI.
 */
class ConsoleArgon2BrowserTest extends OneBrowserPerClass {
  private static final String MODULE = "/test/argon2.js";
  @Test
  void blake2bGivesTheRfc7693Answers() {
    JsonObject answers = browser.object(MODULE, "blake2bAnswers");
    assertThat(answers.getString("abc")).isEqualTo("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
        + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
    assertThat(answers.getString("twoBlocks")).isEqualTo("932355851d75f09c18646a9da87c25e055bc57f113121ad1ec63d45e7a"
        + "1d62ab9133f8b7d1d7de9e0afa784eb6a8a11d78683013d0a672611f17668d9577d209");
    assertThat(answers.getString("empty256"))
        .isEqualTo("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  }

  @Test
  void argon2idGivesTheRfc9106AnswerAndTheKeyFilesKeyEncryptionKey() {
    JsonObject answers = browser.object(MODULE, "argon2Answers");
    assertThat(answers.getString("rfc")).isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    assertThat(answers.getString("kek")).isEqualTo("e9d10c14822f04c332e96ef69b127ab9404ccae998cc3bd85abb42ff9150536b");
    assertThat(answers.getLong("milliseconds")).as("64 MiB, 3 passes, in the browser").isLessThan(30_000);
  }

  @Test
  void keyFilesAreReadStrictlyAndBothKnownAnswerFilesOpenToTheSameNonExtractableKey() {
    assertThat(browser.object(MODULE, "keyFiles")).isEqualTo(new JsonObject()
        .put("sameSignature", true)
        .put("extractable", false)
        .put("wrongPassphrase", "passphrase")
        .put("publicKeyOfAnotherSeed", "damaged")
        .put("extraMember", "invalid")
        .put("bothSecrets", "invalid")
        .put("version2", "invalid")
        .put("versionString", "invalid")
        .put("shortKey", "invalid")
        .put("padded", "invalid")
        .put("emptyOrg", "invalid")
        .put("controlInOrg", "invalid")
        .put("notJson", "invalid")
        .put("hex", "00ff"));
  }
}
