package fr.passerelle.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.cli.IntakeCommand;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.e2e.KeySource;
import fr.passerelle.e2e.SealedReferral;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intake page's code opens, in the browser, a referral sealed in Java with the association key file that
 * {@code intake keygen} wrote: clear, or sealed with a passphrase. A wrong passphrase, a file of another kind, another
 * association id and an altered blob are refused with their reason.
 */
class AssociationKeyFileBrowserTest extends OneBrowserPerClass {
  private static final String MODULE = "/test/association-key.js";
  private static final String ASSOCIATION = "demo-association";
  private static final String FORM = "{\"departement\":\"93\",\"languages\":[\"ro\",\"fr\"],\"ageBand\":\"18-25\","
      + "\"needs\":[\"shelter\",\"health\"],\"contact\":{\"method\":\"sms\",\"value\":\"+33 6 00 00 00 00\","
      + "\"times\":\"après 18 h\"},\"note\":\"Parle peu le français. Ne pas appeler.\"}";
  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir
  Path dir;

  /** {@code intake keygen --out FILE [--passphrase-file F]}: the file's text. */
  static String keygen(Path dir, String name, String passphrase) throws IOException {
    Path file = dir.resolve(name);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = passphrase == null
        ? new String[] {"keygen", "--out", file.toString()}
        : new String[] {"keygen", "--out", file.toString(), "--passphrase-file",
            Files.writeString(dir.resolve(name + ".pass"), passphrase + "\n").toString()};
    int code = IntakeCommand.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    assertThat(code).as(err.toString(UTF_8)).isZero();
    return Files.readString(file);
  }

  private static String seal(String keyFile, String associationId, String referralId) {
    byte[] publicKey = Base64Url.decode(new JsonObject(keyFile).getString("publicKey")).orElseThrow();
    return Base64Url.encode(SealedReferral.seal(publicKey, associationId, 1, referralId, FORM.getBytes(UTF_8),
        KeySource.random(RANDOM)));
  }

  @Test
  void aReferralSealedInJavaOpensInTheBrowserWithAClearKeyFile() throws IOException {
    String file = keygen(dir, "clear.json", null);
    Object form = browser.call(MODULE, "open", file, "", seal(file, ASSOCIATION, "ref-1"), ASSOCIATION, "ref-1");
    assertThat(form).isEqualTo(new JsonObject(FORM));
  }

  @Test
  void aSealedKeyFileOpensWithItsPassphraseOnly() throws IOException {
    String file = keygen(dir, "sealed.json", "une phrase de passe assez longue");
    String sealed = seal(file, ASSOCIATION, "ref-2");
    assertThat(browser.call(MODULE, "open", file, "une phrase de passe assez longue", sealed, ASSOCIATION, "ref-2"))
        .isEqualTo(new JsonObject(FORM));
    assertThat(browser.call(MODULE, "refusal", file, "une autre phrase de passe", sealed, ASSOCIATION, "ref-2"))
        .isEqualTo("passphrase");
  }

  @Test
  void anotherFileAnotherAssociationOrAnAlteredBlobIsRefusedWithItsReason() throws IOException {
    String file = keygen(dir, "key.json", null);
    String other = keygen(dir, "other.json", null);
    String sealed = seal(file, ASSOCIATION, "ref-3");
    assertThat(browser.call(MODULE, "refusal", other, "", sealed, ASSOCIATION, "ref-3")).isEqualTo("AUTH_FAILED");
    assertThat(browser.call(MODULE, "refusal", file, "", sealed, "another-association", "ref-3"))
        .isEqualTo("AUTH_FAILED");
    assertThat(browser.call(MODULE, "refusal", file, "", sealed, ASSOCIATION, "ref-4")).isEqualTo("AUTH_FAILED");
    byte[] altered = Base64Url.decode(sealed).orElseThrow();
    altered[altered.length - 1] ^= 1;
    assertThat(browser.call(MODULE, "refusal", file, "", Base64Url.encode(altered), ASSOCIATION, "ref-3"))
        .isEqualTo("AUTH_FAILED");
    String organisationFile = "{\"type\":\"passerelle-organisation-key\",\"version\":1}";
    assertThat(browser.call(MODULE, "refusal", organisationFile, "", sealed, ASSOCIATION, "ref-3"))
        .isEqualTo("invalid");
  }
}
