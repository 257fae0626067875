package fr.passerelle.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The passphrase prompt on a real terminal: the tool runs in a pseudo-terminal made by util-linux {@code script},
 * and the passphrase is typed only after each prompt shows, as a person would. The terminal must never echo it.
 */
class KeysTerminalTest {
  private static final String PASSPHRASE = "correct horse battery staple";
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  @Test
  @Timeout(60) // a read that blocks on a stuck tool ends here
  void thePassphraseIsAskedTwiceWithoutEchoAndSealsTheKey() throws Exception {
    Path file = dir.resolve("org.key");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = String.join(" ", List.of(java, "-cp", System.getProperty("java.class.path"),
        "fr.passerelle.app.Main", "keys", "init-organisation", "--org-id", "org-demo", "--out", file.toString(),
        "--ask-passphrase"));
    Process process = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true).start();
    try (InputStream screen = process.getInputStream(); OutputStream keyboard = process.getOutputStream()) {
      ByteArrayOutputStream seen = new ByteArrayOutputStream();
      typeAfter("New passphrase", screen, seen, keyboard);
      typeAfter("The same passphrase again", screen, seen, keyboard);
      readUntil("Public key:", screen, seen);
      assertThat(process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(seen.toString(UTF_8)).isZero();
      assertThat(seen.toString(UTF_8)).doesNotContain(PASSPHRASE);
    } finally {
      process.destroyForcibly();
    }
    assertThat(KeyFile.read(file).secret()).isInstanceOf(KeyFile.Sealed.class);
    KeyFile read = KeyFile.read(file);
    assertThat(KeySealer.open(PASSPHRASE.getBytes(UTF_8), read, (KeyFile.Sealed) read.secret())).hasSize(32);
  }

  private static void typeAfter(String prompt, InputStream screen, ByteArrayOutputStream seen, OutputStream keyboard)
      throws IOException {
    readUntil(prompt, screen, seen);
    keyboard.write((PASSPHRASE + "\n").getBytes(UTF_8));
    keyboard.flush();
  }

  /** Reads the terminal until {@code text} shows, or fails once it has read past the deadline. */
  private static void readUntil(String text, InputStream screen, ByteArrayOutputStream seen) throws IOException {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (!seen.toString(UTF_8).contains(text)) {
      int b = screen.read();
      if (b < 0 || Instant.now().isAfter(deadline)) {
        throw new AssertionError("never saw \"" + text + "\"; the terminal showed: " + seen.toString(UTF_8));
      }
      seen.write(b);
    }
  }
}
