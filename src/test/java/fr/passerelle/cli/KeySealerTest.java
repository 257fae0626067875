package fr.passerelle.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Ed25519;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The sealed organisation key: the known answer of docs/protocol.md, "Organisation key file (v1)". */
class KeySealerTest {
  private static final HexFormat HEX = HexFormat.of();
  // Cross-checked with Python's cryptography package (Argon2id, AESGCM).
  private static final byte[] PRIVATE_KEY = filled(0x01, 32);
  private static final byte[] SALT = filled(0x04, 16);
  private static final byte[] NONCE = filled(0x05, 12);
  private static final byte[] PASSPHRASE = "correct horse battery staple".getBytes(UTF_8);
  private static final String AAD_HEX = "706173736572656c6c652f76312f6f7267616e69736174696f6e2d6b6579"
      + "006f72672d64656d6f00" + "8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c";
  private static final String CIPHERTEXT = "4TLbQdkOygnGIMFEqwi0C3ka0PO5-d4sHL8b0WQMAQ9S_tboudGaIaIVNbWQrOD7";

  @Test
  void sealingTheKnownKeyGivesTheKnownCiphertextAndOpensBack() {
    byte[] publicKey = Ed25519.publicKey(PRIVATE_KEY);
    assertThat(HEX.formatHex(KeySealer.aad("org-demo", publicKey))).isEqualTo(AAD_HEX);

    KeyFile.Sealed sealed = KeySealer.seal(PASSPHRASE, "org-demo", publicKey, PRIVATE_KEY, SALT, NONCE);
    assertThat(Base64Url.encode(sealed.ciphertext())).isEqualTo(CIPHERTEXT);

    KeyFile file = new KeyFile("org-demo", publicKey, sealed);
    assertThat(KeySealer.open(PASSPHRASE, file, sealed)).isEqualTo(PRIVATE_KEY);
    // The organisation id is bound: a file renamed to another organisation does not open.
    KeyFile renamed = new KeyFile("org-other", publicKey, sealed);
    assertThatThrownBy(() -> KeySealer.open(PASSPHRASE, renamed, sealed))
        .hasMessage("wrong passphrase or damaged key file");
  }

  @Test
  void theExampleFileInTheProtocolOpensToTheKnownKey() throws IOException {
    String protocol = Files.readString(Path.of("docs/protocol.md"));
    String section = protocol.substring(protocol.indexOf("### Organisation key file (v1)"));
    int start = section.indexOf("```json\n") + "```json\n".length();
    KeyFile file = KeyFile.parse(new JsonObject(section.substring(start, section.indexOf("```", start))));

    assertThat(file.orgId()).isEqualTo("org-demo");
    assertThat(KeySealer.open(PASSPHRASE, file, (KeyFile.Sealed) file.secret())).isEqualTo(PRIVATE_KEY);
  }

  private static byte[] filled(int value, int length) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
