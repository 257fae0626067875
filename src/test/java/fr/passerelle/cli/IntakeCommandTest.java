package fr.passerelle.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.X25519;
import fr.passerelle.e2e.AssociationKeyFingerprint;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code intake} tool: the association key file, its protection, what it prints, and its refusals. */
class IntakeCommandTest {
  private static final String PASSPHRASE = "correct horse battery staple";

  @TempDir
  Path dir;

  private final List<String> printed = new ArrayList<>();
  private final List<String> secrets = new ArrayList<>(List.of(PASSPHRASE));

  private record Result(int code, String out, String err) {}

  @AfterEach
  void nothingPrintedHoldsAPrivateKeyOrAPassphrase() {
    for (String secret : secrets) {
      assertThat(printed).noneMatch(text -> text.contains(secret));
    }
  }

  @Test
  void keygenWithoutPassphraseWritesAnX25519KeyPairAndPrintsItsPublicKeyAndFingerprint() throws IOException {
    Path file = dir.resolve("association.key");

    Result keygen = intake("keygen", "--out", file.toString());

    assertThat(keygen.code()).as(keygen.err()).isZero();
    JsonObject json = new JsonObject(Files.readString(file));
    assertThat(json.fieldNames()).containsExactlyInAnyOrder("type", "version", "publicKey", "privateKey");
    assertThat(json.getString("type")).isEqualTo("passerelle-association-key");
    assertThat(json.getInteger("version")).isEqualTo(1);
    byte[] privateKey = Base64Url.decode(json.getString("privateKey"), 32).orElseThrow();
    byte[] publicKey = X25519.publicKey(privateKey);
    assertThat(Base64Url.encode(publicKey)).isEqualTo(json.getString("publicKey"));
    AssociationKeyFingerprint fingerprint = AssociationKeyFingerprint.of(publicKey);
    assertThat(keygen.out()).contains("Public key:   " + json.getString("publicKey"),
        "Key id:       " + fingerprint.keyId(), "Fingerprint:  " + fingerprint.digits());
    assertThat(keygen.err()).contains("unencrypted");
    secrets.add(json.getString("privateKey"));
    assertThat(intake("show", "--key", file.toString()).out()).contains(fingerprint.digits());
    assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void aPassphraseSealsThePrivateKeyWhichOpensOnlyWithIt() throws IOException {
    Path file = dir.resolve("sealed.key");
    Path passphrase = Files.writeString(dir.resolve("pass"), PASSPHRASE + "\n");

    Result keygen = intake("keygen", "--out", file.toString(), "--passphrase-file", passphrase.toString());

    assertThat(keygen.code()).as(keygen.err()).isZero();
    assertThat(keygen.err()).doesNotContain("unencrypted");
    JsonObject json = new JsonObject(Files.readString(file));
    assertThat(json.fieldNames()).containsExactlyInAnyOrder("type", "version", "publicKey", "encrypted");
    AssociationKeyFile read = AssociationKeyFile.read(file);
    byte[] privateKey = read.privateKey(Optional.of(passphrase), prompt -> Optional.empty());
    assertThat(X25519.publicKey(privateKey)).isEqualTo(read.publicKey());
    assertThat(keygen.out()).contains(Base64Url.encode(read.publicKey()));
    secrets.add(Base64Url.encode(privateKey));

    Path wrong = Files.writeString(dir.resolve("wrong"), "a wrong but long passphrase");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(
        () -> read.privateKey(Optional.of(wrong), prompt -> Optional.empty())))
        .isInstanceOf(CliException.class).hasMessageContaining("wrong passphrase or damaged key file");
    JsonObject moved = json.copy().put("publicKey", Base64Url.encode(X25519.generate(
        new java.security.SecureRandom()).publicKey()));
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> AssociationKeyFile.parse(moved)
        .privateKey(Optional.of(passphrase), prompt -> Optional.empty())))
        .isInstanceOf(CliException.class).hasMessageContaining("wrong passphrase or damaged key file");
  }

  @Test
  void keygenRefusesToOverwriteAFileAShortPassphraseAndABadCommandLine() throws IOException {
    Path existing = Files.writeString(dir.resolve("precious.key"), "precious");
    Result overwrite = intake("keygen", "--out", existing.toString());
    assertThat(overwrite.code()).isEqualTo(1);
    assertThat(overwrite.err()).contains("refusing to overwrite");
    assertThat(Files.readString(existing)).isEqualTo("precious");

    Path shortPassphrase = Files.writeString(dir.resolve("short"), "too short");
    Path target = dir.resolve("new.key");
    Result weak = intake("keygen", "--out", target.toString(), "--passphrase-file", shortPassphrase.toString());
    assertThat(weak.code()).isEqualTo(2);
    assertThat(weak.err()).contains("at least 12 characters");
    assertThat(target).doesNotExist();

    assertThat(intake("keygen").code()).isEqualTo(2);
    assertThat(intake("keygen", "--out", target.toString(), "--org-id", "x").err()).contains("unknown option --org-id");
    assertThat(intake("frobnicate").code()).isEqualTo(2);
    assertThat(intake().code()).isEqualTo(2);
    assertThat(target).doesNotExist();

    Path notAKey = Files.writeString(dir.resolve("org.key"), "{\"type\": \"passerelle-organisation-key\"}");
    Result show = intake("show", "--key", notAKey.toString());
    assertThat(show.code()).isEqualTo(1);
    assertThat(show.err()).contains("not a valid association key file");
  }

  private Result intake(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = IntakeCommand.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8),
        prompt -> Optional.empty());
    Result result = new Result(code, out.toString(UTF_8), err.toString(UTF_8));
    printed.add(result.out());
    printed.add(result.err());
    return result;
  }
}
