package fr.passerelle.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Ed25519;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.crypto.X25519;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code keys} tool: key files, their protection, worker certificates, and refusals with their exit codes. */
class KeysCommandTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ORG = "org-demo";
  private static final String PASSPHRASE = "correct horse battery staple";

  @TempDir
  Path dir;

  private final String dhKey = Base64Url.encode(X25519.generate(RANDOM).publicKey());
  private final String signingKey = Base64Url.encode(Ed25519.generate(RANDOM).publicKey());
  private final List<String> printed = new ArrayList<>();
  private final List<String> secrets = new ArrayList<>(List.of(PASSPHRASE, "a wrong but long passphrase"));

  @AfterEach
  void nothingPrintedHoldsAPrivateKeyOrAPassphrase() {
    for (String secret : secrets) {
      assertThat(printed).noneMatch(text -> text.contains(secret));
    }
  }

  @Test
  void initWithoutPassphraseWritesTheKeyPairReadableByItsOwnerOnly() throws IOException {
    Path file = dir.resolve("org.key");

    Result init = keys("init-organisation", "--org-id", ORG, "--out", file.toString());

    assertThat(init.code).isZero();
    JsonObject json = new JsonObject(Files.readString(file));
    assertThat(json.fieldNames()).containsExactlyInAnyOrder("type", "version", "orgId", "publicKey", "privateKey");
    assertThat(json.getString("type")).isEqualTo("passerelle-organisation-key");
    assertThat(json.getInteger("version")).isEqualTo(1);
    assertThat(json.getString("orgId")).isEqualTo(ORG);
    byte[] privateKey = Base64Url.decode(json.getString("privateKey"), 32).orElseThrow();
    assertThat(Base64Url.encode(Ed25519.publicKey(privateKey))).isEqualTo(json.getString("publicKey"));
    assertThat(init.out).contains(ORG, json.getString("publicKey"), "offline");
    assertThat(init.err).contains("unencrypted");
    secrets.add(json.getString("privateKey"));
    assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void initRefusesToOverwriteAnExistingFile() throws IOException {
    Path file = Files.writeString(dir.resolve("org.key"), "precious");

    Result init = keys("init-organisation", "--org-id", ORG, "--out", file.toString());

    assertThat(init.code).isEqualTo(1);
    assertThat(init.err).contains("refusing to overwrite");
    assertThat(Files.readString(file)).isEqualTo("precious");
  }

  @Test
  void aPassphraseSealsTheKeySignsWithTheRightPassphraseAndRefusesAWrongOne() throws IOException {
    Path file = dir.resolve("org.key");
    // One trailing newline is not part of the passphrase, so both files hold the same one.
    Result init = keys("init-organisation", "--org-id", ORG, "--out", file.toString(),
        "--passphrase-file", passphraseFile("with-newline", PASSPHRASE + "\n").toString());
    assertThat(init.code).isZero();
    JsonObject json = new JsonObject(Files.readString(file));
    assertThat(json.fieldNames()).containsExactlyInAnyOrder("type", "version", "orgId", "publicKey", "encrypted");
    JsonObject encrypted = json.getJsonObject("encrypted");
    assertThat(encrypted.getString("kdf")).isEqualTo("argon2id");
    assertThat(encrypted.getInteger("memoryKiB")).isEqualTo(65_536);
    assertThat(encrypted.getInteger("iterations")).isEqualTo(3);
    assertThat(encrypted.getInteger("parallelism")).isEqualTo(1);
    assertThat(Base64Url.decode(encrypted.getString("salt"), 16)).isPresent();
    assertThat(Base64Url.decode(encrypted.getString("nonce"), 12)).isPresent();
    assertThat(Base64Url.decode(encrypted.getString("ciphertext"), 48)).isPresent();

    Result signed = signWorker(file, "--passphrase-file", passphraseFile("plain", PASSPHRASE).toString());
    assertThat(signed.code).as(signed.err).isZero();
    assertVerifies(signed, json.getString("publicKey"), Duration.ofDays(30));
    KeyFile read = KeyFile.read(file);
    secrets.add(Base64Url.encode(KeySealer.open(PASSPHRASE.getBytes(UTF_8), read, (KeyFile.Sealed) read.secret())));

    Result wrong = signWorker(file, "--passphrase-file",
        passphraseFile("wrong", "a wrong but long passphrase").toString());
    assertThat(wrong.code).isEqualTo(1);
    assertThat(wrong.err).contains("wrong passphrase or damaged key file");
    assertThat(wrong.out).isEmpty();
  }

  @Test
  void signWorkerWithAPlainFilePrintsACertificateThatVerifies() {
    Path file = plainKeyFile();
    String publicKey = new JsonObject(read(file)).getString("publicKey");

    Result byDefault = signWorker(file);
    assertThat(byDefault.code).as(byDefault.err).isZero();
    assertVerifies(byDefault, publicKey, Duration.ofDays(30));

    Result fixed = signWorker(file, "--days", "90", "--not-before", Instant.now().minusSeconds(60)
        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    assertThat(fixed.code).as(fixed.err).isZero();
    assertVerifies(fixed, publicKey, Duration.ofDays(90));
  }

  @Test
  void showPrintsTheOrganisationAndPublicKey() {
    Path file = plainKeyFile();

    Result show = keys("show", "--key", file.toString());

    assertThat(show.code).isZero();
    assertThat(show.out).contains(ORG, new JsonObject(read(file)).getString("publicKey"), "NOT encrypted");
  }

  @Test
  void aShortOrEmptyPassphraseIsRefusedAndNoFileIsWritten() throws IOException {
    Path file = dir.resolve("org.key");
    for (String passphrase : List.of("elevenchars", "\n", "")) {
      Result init = keys("init-organisation", "--org-id", ORG, "--out", file.toString(),
          "--passphrase-file", passphraseFile("short", passphrase).toString());
      assertThat(init.code).isEqualTo(2);
      assertThat(init.err).containsAnyOf("at least 12 characters", "is empty");
      assertThat(file).doesNotExist();
    }
  }

  @Test
  void validityLongerThanNinetyDaysOrAlreadyOverIsRefused() {
    Path file = plainKeyFile();

    assertThat(signWorker(file, "--days", "91")).satisfies(r -> assertUsage(r, "--days"));
    assertThat(signWorker(file, "--days", "0")).satisfies(r -> assertUsage(r, "--days"));
    assertThat(signWorker(file, "--not-before", "2020-01-01T00:00:00Z")).satisfies(r -> assertUsage(r, "past"));
    assertThat(signWorker(file, "--not-before", "tomorrow")).satisfies(r -> assertUsage(r, "--not-before"));
  }

  @Test
  void malformedKeysAreRefusedNamingTheOption() {
    Path file = plainKeyFile();
    String zeros = Base64Url.encode(new byte[32]);

    assertUsage(signWorker(file, "--dh-key", "not base64!"), "--dh-key");
    assertUsage(signWorker(file, "--dh-key", dhKey + "="), "--dh-key");
    assertUsage(signWorker(file, "--dh-key", zeros), "--dh-key");
    assertUsage(signWorker(file, "--signing-key", signingKey.substring(1)), "--signing-key");
    assertUsage(signWorker(file, "--signing-key", zeros), "--signing-key");
  }

  @Test
  void unknownCommandsAndMissingOptionsAreUsageErrors() {
    assertUsage(keys(), "usage:");
    assertUsage(keys("rotate-everything"), "unknown command");
    assertUsage(keys("init-organisation", "--org-id", ORG, "--out", dir.resolve("k").toString(), "--ask-passphrase",
        "--passphrase-file", "p"), "not both");
    assertUsage(keys("init-organisation", "--out", dir.resolve("k").toString()), "missing --org-id");
    assertUsage(keys("show", "--key"), "--key needs a value");
    assertUsage(keys("show", "--key", "a", "--colour", "b"), "unknown option --colour");
  }

  @Test
  void keyFileAndPassphraseMustAgree() throws IOException {
    Path plain = plainKeyFile();
    assertUsage(signWorker(plain, "--passphrase-file", passphraseFile("p", PASSPHRASE).toString()),
        "not encrypted");

    JsonObject swapped = new JsonObject(read(plain))
        .put("publicKey", Base64Url.encode(Ed25519.generate(RANDOM).publicKey()));
    Path damaged = Files.writeString(dir.resolve("damaged.key"), swapped.encode());
    Result result = signWorker(damaged);
    assertThat(result.code).isEqualTo(1);
    assertThat(result.err).contains("does not match");
  }

  /** A terminal on which the admin types {@code lines}, one per prompt; it records the prompts. */
  private static final class Typed implements Terminal {
    final List<String> prompts = new ArrayList<>();
    private final java.util.ArrayDeque<String> lines;

    Typed(String... lines) {
      this.lines = new java.util.ArrayDeque<>(List.of(lines));
    }

    @Override
    public Optional<char[]> readPassword(String prompt) {
      prompts.add(prompt);
      return Optional.of(lines.remove().toCharArray());
    }
  }

  @Test
  void aPassphraseTypedTwiceOnTheTerminalSealsTheKeyAndIsAskedWhenSigning() {
    Path file = dir.resolve("typed.key");
    Typed twice = new Typed(PASSPHRASE, PASSPHRASE);
    Result init = keys(twice, "init-organisation", "--org-id", ORG, "--out", file.toString(), "--ask-passphrase");
    assertThat(init.code).as(init.err).isZero();
    assertThat(twice.prompts).hasSize(2);
    assertThat(KeyFile.read(file).secret()).isInstanceOf(KeyFile.Sealed.class);

    Typed once = new Typed(PASSPHRASE);
    Result signed = keys(once, "sign-worker", "--key", file.toString(), "--worker-id", "w-42", "--pseudonym",
        "Camille", "--dh-key", dhKey, "--signing-key", signingKey);
    assertThat(signed.code).as(signed.err).isZero();
    assertThat(once.prompts).containsExactly("Passphrase of the key file: ");
    assertVerifies(signed, Base64Url.encode(KeyFile.read(file).publicKey()), Duration.ofDays(30));
  }

  @Test
  void typedPassphrasesThatDifferOrAreShortOrMissingAreRefused() {
    Path file = dir.resolve("refused.key");
    assertUsage(keys(new Typed(PASSPHRASE, PASSPHRASE + "!"), "init-organisation", "--org-id", ORG, "--out",
        file.toString(), "--ask-passphrase"), "the two passphrases differ");
    assertUsage(keys(new Typed("short", "short"), "init-organisation", "--org-id", ORG, "--out", file.toString(),
        "--ask-passphrase"), "at least 12 characters");
    assertUsage(keys("init-organisation", "--org-id", ORG, "--out", file.toString(), "--ask-passphrase"),
        "no terminal");
    assertThat(file).doesNotExist();

    Path sealed = dir.resolve("sealed.key");
    assertThat(keys(new Typed(PASSPHRASE, PASSPHRASE), "init-organisation", "--org-id", ORG, "--out",
        sealed.toString(), "--ask-passphrase").code).isZero();
    assertUsage(signWorker(sealed), "no terminal to ask for the passphrase: give --passphrase-file");
    Result wrong = keys(new Typed("a wrong but long passphrase"), "sign-worker", "--key", sealed.toString(),
        "--worker-id", "w-42", "--pseudonym", "Camille", "--dh-key", dhKey, "--signing-key", signingKey);
    assertThat(wrong.code).isEqualTo(1);
    assertThat(wrong.err).contains("wrong passphrase or damaged key file");
  }

  @Test
  void rotateMakesANewSealedKeyForTheSameOrganisationAndLeavesTheOldOne() throws IOException {
    Path old = dir.resolve("old.key");
    assertThat(keys(new Typed(PASSPHRASE, PASSPHRASE), "init-organisation", "--org-id", ORG, "--out",
        old.toString(), "--ask-passphrase").code).isZero();
    String oldContent = Files.readString(old);
    Path fresh = dir.resolve("new.key");
    String newPassphrase = "another passphrase, also long";
    secrets.add(newPassphrase);

    Typed typed = new Typed(PASSPHRASE, newPassphrase, newPassphrase);
    Result rotate = keys(typed, "rotate", "--key", old.toString(), "--out", fresh.toString());

    assertThat(rotate.code).as(rotate.err).isZero();
    assertThat(typed.prompts).hasSize(3);
    assertThat(Files.readString(old)).isEqualTo(oldContent);
    KeyFile before = KeyFile.read(old);
    KeyFile after = KeyFile.read(fresh);
    assertThat(after.orgId()).isEqualTo(ORG);
    assertThat(after.publicKey()).isNotEqualTo(before.publicKey());
    assertThat(after.secret()).isInstanceOf(KeyFile.Sealed.class);
    assertThat(rotate.out).contains(Base64Url.encode(before.publicKey()), Base64Url.encode(after.publicKey()));
    Result signed = signWorker(fresh, "--passphrase-file", passphraseFile("new", newPassphrase).toString());
    assertVerifies(signed, Base64Url.encode(after.publicKey()), Duration.ofDays(30));
  }

  @Test
  void rotateRefusesAWrongPassphraseAnExistingTargetAndAnUnsealedKeyWithoutTerminal() throws IOException {
    Path old = dir.resolve("old.key");
    assertThat(keys("init-organisation", "--org-id", ORG, "--out", old.toString(), "--passphrase-file",
        passphraseFile("p", PASSPHRASE).toString()).code).isZero();
    Path fresh = dir.resolve("new.key");

    Result wrong = keys(new Typed("a wrong but long passphrase"), "rotate", "--key", old.toString(), "--out",
        fresh.toString());
    assertThat(wrong.code).isEqualTo(1);
    assertThat(wrong.err).contains("wrong passphrase");
    assertThat(fresh).doesNotExist();

    // The old key was sealed, so the new one must be: without a terminal or file for it, nothing is written.
    assertUsage(keys("rotate", "--key", old.toString(), "--passphrase-file",
        passphraseFile("p", PASSPHRASE).toString(), "--out", fresh.toString()), "no terminal");
    assertThat(fresh).doesNotExist();

    Path taken = Files.writeString(dir.resolve("taken.key"), "precious");
    Result exists = keys("rotate", "--key", old.toString(), "--passphrase-file",
        passphraseFile("p", PASSPHRASE).toString(), "--out", taken.toString());
    assertThat(exists.code).isEqualTo(1);
    assertThat(Files.readString(taken)).isEqualTo("precious");
  }

  private Path plainKeyFile() {
    Path file = dir.resolve("plain-" + RANDOM.nextInt(1_000_000) + ".key");
    assertThat(keys("init-organisation", "--org-id", ORG, "--out", file.toString()).code).isZero();
    secrets.add(new JsonObject(read(file)).getString("privateKey"));
    return file;
  }

  private Result signWorker(Path keyFile, String... extra) {
    List<String> args = new ArrayList<>(List.of("sign-worker", "--key", keyFile.toString(), "--worker-id", "w-42",
        "--pseudonym", "Camille", "--dh-key", dhKey, "--signing-key", signingKey));
    for (int i = 0; i < extra.length; i += 2) {
      int at = args.indexOf(extra[i]);
      if (at >= 0) {
        args.set(at + 1, extra[i + 1]);
      } else {
        args.addAll(List.of(extra[i], extra[i + 1]));
      }
    }
    return keys(args.toArray(String[]::new));
  }

  private void assertVerifies(Result signed, String publicKey, Duration validity) {
    String line = signed.out.strip();
    assertThat(line).doesNotContain("\n");
    byte[] certificate = java.util.Base64.getUrlDecoder().decode(line);
    WorkerCertificate verified = WorkerCertificate.verify(certificate,
        Base64Url.decode(publicKey, 32).orElseThrow(), ORG, Instant.now());
    assertThat(verified.pseudonym()).isEqualTo("Camille");
    assertThat(verified.workerId()).isEqualTo("w-42");
    assertThat(Base64Url.encode(verified.identityDhKey())).isEqualTo(dhKey);
    assertThat(Base64Url.encode(verified.identitySigningKey())).isEqualTo(signingKey);
    assertThat(Duration.between(verified.notBefore(), verified.notAfter())).isEqualTo(validity);
  }

  private static void assertUsage(Result result, String message) {
    assertThat(result.code).as(result.err).isEqualTo(2);
    assertThat(result.err).contains(message, "usage:");
    assertThat(result.out).isEmpty();
  }

  private Path passphraseFile(String name, String content) {
    try {
      return Files.writeString(dir.resolve(name + "-" + RANDOM.nextInt(1_000_000) + ".txt"), content);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private Result keys(String... args) {
    return keys(prompt -> Optional.empty(), args);
  }

  /** Runs the tool with {@code terminal} standing for the admin's keyboard. */
  private Result keys(Terminal terminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = KeysCommand.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8),
        Clock.systemUTC(), terminal);
    Result result = new Result(code, out.toString(UTF_8), err.toString(UTF_8));
    printed.add(result.out);
    printed.add(result.err);
    return result;
  }

  private record Result(int code, String out, String err) {}
}
