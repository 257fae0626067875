package fr.passerelle.e2e;

import static fr.passerelle.e2e.LetterKnownAnswers.JAVASCRIPT_FILE;
import static fr.passerelle.e2e.LetterKnownAnswers.JAVA_FILE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.crypto.Ed25519;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The letter known-answer files of docs/protocol.md 12.12: the one this side authors and the one the JavaScript side
 * authors. With {@code -Dpasserelle.writeKnownAnswers=true} the Java file is first rewritten; review the diff.
 */
class LetterKnownAnswerTest {
  private static final HexFormat HEX = HexFormat.of();

  @BeforeAll
  static void rewriteOnRequest() throws Exception {
    if (Boolean.getBoolean("passerelle.writeKnownAnswers")) {
      LetterKnownAnswers.write();
    }
  }

  static Stream<Path> files() {
    return Stream.of(JAVA_FILE, JAVASCRIPT_FILE);
  }

  @Test
  void theJavaFileHoldsTheAuthoredInputs() throws Exception {
    assertThat(PrettyJson.write(LetterKnownAnswers.generate(LetterKnownAnswers.authored())))
        .isEqualTo(Files.readString(JAVA_FILE));
  }

  @ParameterizedTest
  @MethodSource("files")
  void everyValueOfTheFileIsRecomputedFromItsInputs(Path path) throws Exception {
    JsonObject file = LetterKnownAnswers.readFile(path);
    assertThat(PrettyJson.write(LetterKnownAnswers.generate(LetterKnownAnswers.fromFile(file))))
        .isEqualTo(Files.readString(path));
  }

  @ParameterizedTest
  @MethodSource("files")
  void everyStanzaOfEveryLetterOpensToItsContent(Path path) throws Exception {
    JsonObject file = LetterKnownAnswers.readFile(path);
    LetterKnownAnswers.Inputs inputs = LetterKnownAnswers.fromFile(file);
    byte[] rootPublic = Ed25519.publicKey(inputs.rootSeed());
    int opened = 0;
    for (Object item : file.getJsonArray("letters")) {
      JsonObject letter = (JsonObject) item;
      Letter.Address address = new Letter.Address(file.getString("orgId"), file.getString("mailboxId"),
          letter.getString("letterId"));
      for (Object recipient : letter.getJsonArray("recipients")) {
        String id = (String) recipient;
        byte[] privateKey = id.equals(MessageCode.VISITOR) ? HEX.parseHex(file.getString("replyKey"))
            : LetterKnownAnswers.worker(inputs, id).identityDhPrivate().clone();
        Letter.Opened open = Letter.open(privateKey, id, address, rootPublic,
            Instant.ofEpochSecond(letter.getLong("at")), HEX.parseHex(letter.getString("letter")));
        assertThat(new String(open.content(), StandardCharsets.UTF_8)).isEqualTo(letter.getString("content"));
        assertThat(open.kind()).isEqualTo(letter.getInteger("kind"));
        if (open.kind() == Letter.FROM_WORKER) {
          assertThat(open.sender().workerId()).isEqualTo(letter.getString("sender"));
        }
        opened++;
      }
    }
    assertThat(opened).as("stanzas opened").isGreaterThanOrEqualTo(5);
  }

  @Test
  void theVisitorsLetterCarriesTheReplyKeyTheCodeDerives() throws Exception {
    JsonObject file = LetterKnownAnswers.readFile(JAVA_FILE);
    JsonObject content = new JsonObject(file.getJsonArray("letters").getJsonObject(0).getString("content"));
    assertThat(content.getString("type")).isEqualTo("letter");
    assertThat(fr.passerelle.crypto.Base64Url.encode(HEX.parseHex(file.getString("replyPub"))))
        .isEqualTo(content.getString("replyKey"));
    assertThat(file.getString("code")).isEqualTo("7K2MQ9XA4HVD1RWE8NT0");
    assertThat(file.getString("mailboxId")).hasSize(43);
  }

  @Test
  void theJavaScriptFileHasInputsOfItsOwn() throws Exception {
    JsonObject java = LetterKnownAnswers.readFile(JAVA_FILE);
    JsonObject javascript = LetterKnownAnswers.readFile(JAVASCRIPT_FILE);
    for (String member : new String[] {"orgId", "code", "rootSeed", "token", "mailboxId"}) {
      assertThat(javascript.getString(member)).as(member).isNotEqualTo(java.getString(member));
    }
    assertThat(privateKeys(javascript)).doesNotContainAnyElementsOf(privateKeys(java));
    assertThat(javascript.getJsonArray("letters").stream().map(l -> ((JsonObject) l).getString("content")))
        .as("contents with characters outside the Basic Multilingual Plane")
        .anyMatch(content -> content.codePoints().anyMatch(Character::isSupplementaryCodePoint));
  }

  // The workers' identity private keys of a file (content keys and ephemerals may repeat: org and mailbox differ).
  private static java.util.List<String> privateKeys(JsonObject file) {
    java.util.List<String> keys = new java.util.ArrayList<>();
    JsonObject certificates = file.getJsonObject("certificates");
    for (String id : certificates.fieldNames()) {
      keys.add(certificates.getJsonObject(id).getString("identityDhPrivate"));
      keys.add(certificates.getJsonObject(id).getString("identitySigningSeed"));
    }
    return keys;
  }

  @Test
  void theProtocolQuotesTheJavaFile() throws Exception {
    JsonObject file = LetterKnownAnswers.readFile(JAVA_FILE);
    String protocol = Files.readString(Path.of("docs", "protocol.md"));
    for (String member : new String[] {"code", "token", "replyPub", "mailboxId", "codeAsTyped"}) {
      assertThat(protocol).as(member).contains(file.getString(member));
    }
  }
}
