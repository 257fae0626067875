package fr.passerelle.cli;

import static fr.passerelle.it.TestNode.await;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.WorkerClient;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.X25519;
import fr.passerelle.it.ReferralFixture;
import fr.passerelle.it.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code intake list|fetch|ack|accept|decline} against a real node on port 0, logged in as the demo intake officer
 * of association A: fetch decrypts with A's key file (sealed or not), refuses another key and an altered blob with
 * the clear messages of the contract, and ack makes the server delete the ciphertext.
 */
@ExtendWith(VertxExtension.class)
class IntakeReferralsCommandTest {
  private static final String PASSPHRASE = "correct horse battery staple";

  @TempDir
  Path dir;

  private TestNode node;
  private ReferralFixture fixture;
  private String conversation;
  private Path password;
  private final List<String> printed = new ArrayList<>();

  private record Result(int code, String out, String err) {}

  @BeforeEach
  void start(Vertx vertx) throws IOException {
    node = TestNode.start(vertx);
    fixture = new ReferralFixture(node);
    WorkerClient camille = node.worker("camille");
    conversation = fixture.chat(camille, "req-1", Optional.of(true)).conversation();
    password = Files.writeString(dir.resolve("password.txt"), TestNode.PASSWORD + "\n");
  }

  @AfterEach
  void stop() {
    node.close();
    assertThat(printed).as("nothing printed holds the password or the passphrase")
        .noneMatch(text -> text.contains(TestNode.PASSWORD) || text.contains(PASSPHRASE));
  }

  private Path keyFile(String name, X25519.KeyPair pair, String passphrase) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, AssociationKeyFile.of(pair, passphrase.getBytes(UTF_8), new SecureRandom()).toJson());
    return file;
  }

  private Result intake(String command, String... options) {
    List<String> args = new ArrayList<>(List.of(command, "--server", "http://127.0.0.1:" + node.port(),
        "--username", "intake", "--password-file", password.toString()));
    args.addAll(List.of(options));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = IntakeCommand.run(args.toArray(String[]::new), new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8), prompt -> Optional.empty());
    Result result = new Result(code, out.toString(UTF_8), err.toString(UTF_8));
    printed.add(result.out());
    printed.add(result.err());
    return result;
  }

  @Test
  void listShowsTheInboxAndFetchPrintsTheDecryptedFormWithTheRightKeyFile() throws IOException {
    fixture.send(fixture.referral("r-1", conversation, "req-1"));
    Path key = keyFile("a.key", fixture.keyA, "");

    Result list = intake("list");
    Result fetched = intake("fetch", "--id", "r-1", "--key", key.toString());

    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains("Association: " + ReferralFixture.A, "r-1  sent  sent ",
        "key " + ReferralFixture.keyId(fixture.keyA));
    assertThat(fetched.code()).as(fetched.err()).isZero();
    assertThat(new JsonObject(fetched.out())).isEqualTo(new JsonObject(ReferralFixture.FORM));
    assertThat(fetched.out()).contains("\n  \"departement\" : \"93\"");
  }

  @Test
  void aSealedKeyFileOpensWithItsPassphraseFileAndTheFormCanBeWrittenToANewFile() throws IOException {
    fixture.send(fixture.referral("r-1", conversation, "req-1"));
    Path key = keyFile("a.key", fixture.keyA, PASSPHRASE);
    Path passphrase = Files.writeString(dir.resolve("pass.txt"), PASSPHRASE);
    Path out = dir.resolve("r-1.json");

    Result noPassphrase = intake("fetch", "--id", "r-1", "--key", key.toString());
    Result written = intake("fetch", "--id", "r-1", "--key", key.toString(), "--passphrase-file",
        passphrase.toString(), "--out", out.toString());

    assertThat(noPassphrase.code()).isEqualTo(2);
    assertThat(noPassphrase.err()).contains("no terminal to ask for the passphrase");
    assertThat(written.code()).as(written.err()).isZero();
    assertThat(new JsonObject(Files.readString(out))).isEqualTo(new JsonObject(ReferralFixture.FORM));
    assertThat(written.out()).contains("written to " + out).doesNotContain("departement");
    Result again = intake("fetch", "--id", "r-1", "--key", key.toString(), "--passphrase-file",
        passphrase.toString(), "--out", out.toString());
    assertThat(again.code()).as("never overwrites").isNotZero();
  }

  @Test
  void anotherKeyFileIsNamedAndAnAlteredReferralDoesNotOpen() throws IOException {
    fixture.send(fixture.referral("r-1", conversation, "req-1"));
    JsonObject altered = fixture.referral("r-2", conversation, "req-1");
    byte[] sealed = Base64Url.decode(altered.getString("sealed")).orElseThrow();
    sealed[sealed.length - 1] ^= 1;
    fixture.send(altered.put("sealed", Base64Url.encode(sealed)));
    Path wrong = keyFile("b.key", fixture.keyB, "");
    Path right = keyFile("a.key", fixture.keyA, "");

    Result wrongKey = intake("fetch", "--id", "r-1", "--key", wrong.toString());
    Result tampered = intake("fetch", "--id", "r-2", "--key", right.toString());

    assertThat(wrongKey.code()).isEqualTo(1);
    assertThat(wrongKey.err()).contains("this referral was sealed to key " + ReferralFixture.keyId(fixture.keyA)
        + ", not to the key in " + wrong);
    assertThat(tampered.code()).isEqualTo(1);
    assertThat(tampered.err()).contains("the referral does not open: altered or not for this association");
    assertThat(wrongKey.out() + tampered.out()).doesNotContain("departement");
  }

  @Test
  void ackMakesTheServerDeleteTheCiphertextThenAcceptAndDeclineAnswer() throws IOException {
    fixture.send(fixture.referral("r-1", conversation, "req-1"));
    fixture.send(fixture.referral("r-2", conversation, "req-1"));

    Result early = intake("accept", "--id", "r-1");
    Result ack = intake("ack", "--id", "r-1");

    assertThat(early.code()).isEqualTo(1);
    assertThat(early.err()).contains("HTTP 409 conflict");
    assertThat(ack.code()).as(ack.err()).isZero();
    assertThat(ack.out()).contains("Referral r-1: received");
    assertThat(await(node.node().services().stores().referrals().find("r-1")).orElseThrow().sealed()).isEmpty();
    Result gone = intake("fetch", "--id", "r-1", "--key", keyFile("a.key", fixture.keyA, "").toString());
    assertThat(gone.err()).contains("HTTP 410 gone");
    assertThat(intake("accept", "--id", "r-1").out()).contains("Referral r-1: accepted");
    intake("ack", "--id", "r-2");
    assertThat(intake("decline", "--id", "r-2").out()).contains("Referral r-2: declined");
    assertThat(intake("ack", "--id", "nope").err()).contains("HTTP 404 not_found");
  }

  @Test
  void aWrongPasswordOrServerIsAClearFailure() throws IOException {
    Files.writeString(password, "not the password");
    Result refused = intake("list");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("the server refused to log in: HTTP 401 auth_failed");

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int badServer = IntakeCommand.run(new String[] {"list", "--server", "ftp://x", "--username", "intake",
        "--password-file", password.toString()}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, UTF_8), prompt -> Optional.empty());
    assertThat(badServer).isEqualTo(2);
    assertThat(err.toString(UTF_8)).contains("--server must be an http or https URL");
    Result missing = intake("fetch", "--id", "r-1");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("missing --key");
  }
}
