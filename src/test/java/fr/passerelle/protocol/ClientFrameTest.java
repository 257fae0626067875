package fr.passerelle.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.http.ApiException;
import fr.passerelle.queue.Flag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ClientFrameTest {
  private static final int MAX = 4096;

  @Test
  void parsesAWellFormedSend() {
    var frame = ClientFrame.parse("{\"type\":\"send\",\"conversation\":\"c1\",\"id\":\"m-1\",\"header\":\"aGVhZA==\","
        + "\"body\":\"Ym9keQ==\"}", MAX);
    assertThat(frame).isEqualTo(new ClientFrame.Send(java.util.Optional.of("c1"), "m-1", "aGVhZA==", "Ym9keQ=="));
  }

  @Test
  void parsesAFlag() {
    assertThat(ClientFrame.parse("{\"type\":\"flag\",\"conversation\":\"c\",\"flag\":\"danger\"}", MAX))
        .isEqualTo(new ClientFrame.Mark("c", Flag.DANGER));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "not json|bad_json",
      "[1,2]|bad_json",
      "{}|invalid_field",
      "{\"type\":42}|invalid_field",
      "{\"type\":\"teleport\"}|unknown_type",
      "{\"type\":\"send\",\"id\":\"x\"}|invalid_field",
      "{\"type\":\"send\",\"id\":\"has space\",\"body\":\"AA==\"}|invalid_field",
      "{\"type\":\"send\",\"id\":\"x\",\"body\":\"not base64!\"}|invalid_field",
      "{\"type\":\"send\",\"id\":\"x\",\"body\":12}|invalid_field",
      "{\"type\":\"ack\",\"seq\":-1}|invalid_field",
      "{\"type\":\"ack\",\"seq\":\"3\"}|invalid_field",
      "{\"type\":\"ack\",\"seq\":1.5}|invalid_field",
      "{\"type\":\"join\",\"languages\":[],\"publicKey\":\"AA==\"}|invalid_field",
      "{\"type\":\"join\",\"languages\":[\"FR\"],\"publicKey\":\"AA==\"}|invalid_field",
      "{\"type\":\"join\",\"languages\":\"fr\",\"publicKey\":\"AA==\"}|invalid_field",
      "{\"type\":\"flag\",\"conversation\":\"c\",\"flag\":\"vip\"}|invalid_field",
      "{\"type\":\"presence\",\"status\":\"asleep\"}|invalid_field",
      "{\"type\":\"auth\"}|invalid_field",
      "{\"type\":\"auth\",\"token\":5}|invalid_field",
      "{\"type\":\"auth\",\"session\":\"s\",\"secret\":[]}|invalid_field",
      "{\"type\":\"key\"}|invalid_field",
      "{\"type\":\"key\",\"publicKey\":\"%%%\"}|invalid_field",
      "{\"type\":\"sync\",\"after\":true}|invalid_field",
      "{\"type\":\"accept\"}|invalid_field",
      "{\"type\":\"accept\",\"entry\":{}}|invalid_field",
      "{\"type\":\"decline\",\"entry\":\"\"}|invalid_field",
      "{\"type\":\"transfer\"}|invalid_field",
      "{\"type\":\"transfer\",\"conversation\":\"c\",\"to\":7}|invalid_field",
      "{\"type\":\"transfer\",\"conversation\":\"c\",\"note\":\"\"}|invalid_field",
      "{\"type\":\"end\",\"conversation\":null}|invalid_field",
      "{\"type\":\"presence\"}|invalid_field",
      "{\"type\":\"join\",\"languages\":[\"fr\",\"en\",\"ro\",\"bg\",\"zh\",\"es\"],\"publicKey\":\"AA\"}"
          + "|invalid_field",
      "{\"type\":\"join\",\"languages\":[\"fr\"],\"publicKey\":\"AA==\",\"topic\":3}|invalid_field",
      "{\"type\":\"consent\",\"conversation\":\"c1\",\"request\":\"r1\"}|invalid_field",
      "{\"type\":\"consent\",\"conversation\":\"c1\",\"request\":\"r1\",\"given\":1}|invalid_field",
      "{\"type\":\"consent\",\"request\":\"r1\",\"given\":true}|invalid_field",
      "{\"type\":\"consent\",\"conversation\":\"c1\",\"request\":\"r/1\",\"given\":true}|invalid_field"})
  void rejectsMalformedFramesWithATypedCode(String text, String code) {
    assertThatThrownBy(() -> ClientFrame.parse(text, MAX)).isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).code().wire()).isEqualTo(code);
  }

  @Test
  void framesWithoutFieldsParse() {
    for (String type : new String[] {"leave", "erase", "ping"}) {
      assertThat(ClientFrame.parse("{\"type\":\"" + type + "\"}", MAX)).isNotNull();
    }
  }

  @Test
  void aConsentFrameNamesItsConversationRequestAndAnswer() {
    assertThat(ClientFrame.parse("{\"type\":\"consent\",\"conversation\":\"c1\",\"request\":\"r-1\","
        + "\"given\":false}", MAX)).isEqualTo(new ClientFrame.Consent("c1", "r-1", false));
  }

  @Test
  void countsMultiByteCharactersAgainstTheByteLimit() {
    String accents = "é".repeat(MAX / 2 + 10);
    assertThatThrownBy(() -> ClientFrame.parse("{\"type\":\"ping\",\"pad\":\"" + accents + "\"}", MAX))
        .isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).code().wire()).isEqualTo("too_large");
  }

  @Test
  void rejectsOversizedFramesBeforeParsing() {
    assertThatThrownBy(() -> ClientFrame.parse("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(MAX) + "\"}", MAX))
        .isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).code().wire()).isEqualTo("too_large");
  }
}
