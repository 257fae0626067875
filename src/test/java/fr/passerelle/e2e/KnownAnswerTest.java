package fr.passerelle.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.crypto.WorkerCertificate;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The known-answer file of docs/protocol.md 12.11, which the JavaScript implementation must also reproduce. With
 * {@code -Dpasserelle.writeKnownAnswers=true} the file is first rewritten from the authored inputs; review the diff.
 */
class KnownAnswerTest {
  private static final HexFormat HEX = HexFormat.of();

  @BeforeAll
  static void rewriteOnRequest() throws Exception {
    if (Boolean.getBoolean("passerelle.writeKnownAnswers")) {
      KnownAnswers.write();
    }
  }

  @Test
  void everyValueOfTheFileIsRecomputedFromItsInputs() throws Exception {
    JsonObject file = KnownAnswers.readFile();
    String recomputed = PrettyJson.write(KnownAnswers.generate(KnownAnswers.fromFile(file), Map.of()));
    assertThat(recomputed).isEqualTo(Files.readString(KnownAnswers.FILE));
  }

  @Test
  void theFileHoldsTheAuthoredInputs() throws Exception {
    String authored = PrettyJson.write(KnownAnswers.generate(KnownAnswers.authored(), Map.of()));
    assertThat(authored).isEqualTo(Files.readString(KnownAnswers.FILE));
  }

  @Test
  void everyMessageOfTheFileDecryptsFollowingTheScript() throws Exception {
    JsonObject file = KnownAnswers.readFile();
    // Receivers open the file's bytes; generate throws if any send differs or any message opens to another content.
    KnownAnswers.generate(KnownAnswers.fromFile(file), KnownAnswers.messagesOf(file));
    assertThat(file.getJsonArray("script")).hasSize(20);
    assertThat(file.getJsonArray("messages")).hasSize(10);
  }

  @Test
  void theCertificateIsTheCertificateKnownAnswer() throws Exception {
    JsonObject inputs = KnownAnswers.readFile().getJsonObject("inputs");
    WorkerCertificate certificate = WorkerCertificate.parse(HEX.parseHex(inputs.getString("certificate")));
    assertThat(certificate.orgId()).isEqualTo("org-demo");
    assertThat(certificate.workerId()).isEqualTo("w-1");
    assertThat(certificate.pseudonym()).isEqualTo("Camille");
    assertThat(inputs.getString("certificate")).endsWith("1ff1b098819a01a5ab0acb77e86c9cac0833166d71d70d945c3043087534"
        + "539d53b42ed530feeb9cf6e39c300714e7098a3a1009c089a42d6f3c1d6baf13a205");
  }

  @Test
  void theRunDrawsTheKeysTheProtocolNames() throws Exception {
    JsonObject inputs = KnownAnswers.readFile().getJsonObject("inputs");
    assertThat(inputs.getJsonArray("workerKeys")).containsExactly(hexOf(0x20), hexOf(0x21), hexOf(0x22), hexOf(0x23),
        hexOf(0x24));
    assertThat(inputs.getJsonArray("visitorKeys")).containsExactly(hexOf(0x11), hexOf(0x12), hexOf(0x13));
  }

  @Test
  void theProtocolQuotesTheFile() throws Exception {
    JsonObject file = KnownAnswers.readFile();
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

  private static String hexOf(int value) {
    return HEX.formatHex(FixedKeys.filled(value));
  }
}
