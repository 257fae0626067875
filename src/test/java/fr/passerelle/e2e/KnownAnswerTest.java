package fr.passerelle.e2e;

import static fr.passerelle.e2e.KnownAnswers.JAVASCRIPT_FILE;
import static fr.passerelle.e2e.KnownAnswers.JAVA_FILE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.crypto.WorkerCertificate;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The known-answer files of docs/protocol.md 12.11: the one this side authors, which the JavaScript implementation
 * must also reproduce, and the one the JavaScript side authors, which this side must reproduce. With
 * {@code -Dpasserelle.writeKnownAnswers=true} the Java file is first rewritten from the authored inputs; review the
 * diff.
 */
class KnownAnswerTest {
  private static final HexFormat HEX = HexFormat.of();

  @BeforeAll
  static void rewriteOnRequest() throws Exception {
    if (Boolean.getBoolean("passerelle.writeKnownAnswers")) {
      KnownAnswers.write();
    }
  }

  static Stream<Path> files() {
    return Stream.of(JAVA_FILE, JAVASCRIPT_FILE);
  }

  @ParameterizedTest
  @MethodSource("files")
  void everyValueOfTheFileIsRecomputedFromItsInputs(Path path) throws Exception {
    JsonObject file = KnownAnswers.readFile(path);
    String recomputed = PrettyJson.write(KnownAnswers.generate(KnownAnswers.fromFile(file), Map.of()));
    assertThat(recomputed).isEqualTo(Files.readString(path));
  }

  @Test
  void theJavaFileHoldsTheAuthoredInputs() throws Exception {
    String authored = PrettyJson.write(KnownAnswers.generate(KnownAnswers.authored(), Map.of()));
    assertThat(authored).isEqualTo(Files.readString(JAVA_FILE));
  }

  @ParameterizedTest
  @MethodSource("files")
  void everyMessageOfTheFileDecryptsFollowingTheScript(Path path) throws Exception {
    JsonObject file = KnownAnswers.readFile(path);
    // Receivers open the file's bytes; generate throws if any send differs or any message opens to another content.
    KnownAnswers.generate(KnownAnswers.fromFile(file), KnownAnswers.messagesOf(file));
    assertThat(file.getJsonArray("script")).hasSize(20);
    assertThat(file.getJsonArray("messages")).hasSize(10);
  }

  @Test
  void theJavaScriptFileHasInputsOfItsOwn() throws Exception {
    JsonObject java = KnownAnswers.readFile(JAVA_FILE);
    JsonObject javascript = KnownAnswers.readFile(JAVASCRIPT_FILE);
    assertThat(privateKeys(javascript)).doesNotContainAnyElementsOf(privateKeys(java));
    assertThat(javascript.getJsonObject("inputs").getString("conversationId"))
        .isNotEqualTo(java.getJsonObject("inputs").getString("conversationId"));
    WorkerCertificate certificate =
        WorkerCertificate.parse(HEX.parseHex(javascript.getJsonObject("inputs").getString("certificate")));
    assertThat(certificate.workerId()).isEqualTo("w-7");
    assertThat(certificate.pseudonym()).isEqualTo("Zoë");
    assertThat(certificate.notBefore()).isEqualTo(Instant.parse("2028-01-01T00:00:00Z"));
    assertThat(javascript.getJsonArray("messages").stream().map(m -> ((JsonObject) m).getString("content")))
        .as("contents with characters outside the Basic Multilingual Plane")
        .anyMatch(content -> content.codePoints().anyMatch(Character::isSupplementaryCodePoint));
  }

  @Test
  void theCertificateIsTheCertificateKnownAnswer() throws Exception {
    JsonObject inputs = KnownAnswers.readFile(JAVA_FILE).getJsonObject("inputs");
    WorkerCertificate certificate = WorkerCertificate.parse(HEX.parseHex(inputs.getString("certificate")));
    assertThat(certificate.orgId()).isEqualTo("org-demo");
    assertThat(certificate.workerId()).isEqualTo("w-1");
    assertThat(certificate.pseudonym()).isEqualTo("Camille");
    assertThat(inputs.getString("certificate")).endsWith("1ff1b098819a01a5ab0acb77e86c9cac0833166d71d70d945c3043087534"
        + "539d53b42ed530feeb9cf6e39c300714e7098a3a1009c089a42d6f3c1d6baf13a205");
  }

  @Test
  void theRunDrawsTheKeysTheProtocolNames() throws Exception {
    JsonObject inputs = KnownAnswers.readFile(JAVA_FILE).getJsonObject("inputs");
    assertThat(inputs.getJsonArray("workerKeys")).containsExactly(hexOf(0x20), hexOf(0x21), hexOf(0x22), hexOf(0x23),
        hexOf(0x24));
    assertThat(inputs.getJsonArray("visitorKeys")).containsExactly(hexOf(0x11), hexOf(0x12), hexOf(0x13));
  }

  @Test
  void theProtocolQuotesTheJavaFile() throws Exception {
    JsonObject file = KnownAnswers.readFile(JAVA_FILE);
    JsonObject handshake = file.getJsonObject("handshake");
    JsonObject second = file.getJsonArray("messages").getJsonObject(1);
    String protocol = Files.readString(Path.of("docs", "protocol.md")).replaceAll("\\s", "");
    for (String quoted : new String[] {handshake.getString("visitorEphemeralPublic"),
        handshake.getString("workerEphemeralPublic"), handshake.getString("transcriptHash"),
        handshake.getString("sharedSecret"), handshake.getString("safetyCode").replace(" ", ""),
        second.getString("header"), second.getString("body"), second.getString("content").replace(" ", "")}) {
      assertThat(protocol).contains(quoted);
    }
  }

  // Every private key of a file: its inputs' and those of its note and referral.
  private static List<String> privateKeys(JsonObject file) {
    JsonObject inputs = file.getJsonObject("inputs");
    List<String> keys = new ArrayList<>(List.of(inputs.getString("rootSeed"),
        inputs.getString("workerIdentityDhPrivate"), inputs.getString("workerIdentitySigningSeed"),
        inputs.getString("visitorEphemeralPrivate")));
    inputs.getJsonArray("workerKeys").forEach(key -> keys.add((String) key));
    inputs.getJsonArray("visitorKeys").forEach(key -> keys.add((String) key));
    for (JsonObject sealed : List.of(file.getJsonObject("transferNote"), file.getJsonObject("referral"))) {
      keys.add(sealed.getString("recipientPrivate"));
      keys.add(sealed.getString("ephemeralPrivate"));
    }
    return keys;
  }

  private static String hexOf(int value) {
    return HEX.formatHex(FixedKeys.filled(value));
  }
}
