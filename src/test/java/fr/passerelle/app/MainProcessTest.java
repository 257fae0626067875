package fr.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Ed25519;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link Main} as a real child process, as an operator would: configuration errors, demo mode, SIGTERM. */
class MainProcessTest {
  private static final Duration START = Duration.ofSeconds(60);
  private static final Duration EXIT = Duration.ofSeconds(30);
  private static final Duration REQUEST = Duration.ofSeconds(10);
  private static final String PASSWORD = "some-long-demo-password";
  private static final Pattern PUBLIC = Pattern.compile("Public API +http://localhost:(\\d+)/api/v1");
  private static final Pattern MANAGEMENT = Pattern.compile("Health, metrics +http://127\\.0\\.0\\.1:(\\d+)/health");
  private static final Pattern BANNER_END = Pattern.compile("Password for every demo account: [^\\n]*\\n");

  private final List<Child> children = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST).build();

  @AfterEach
  void killLeftovers() {
    children.forEach(c -> c.process.destroyForcibly());
  }

  @Test
  void invalidConfigurationStopsStartUpNamingTheSetting() throws Exception {
    Child notANumber = start(Map.of("PASSERELLE_HTTP_PORT", "abc"));
    assertThat(notANumber.exitCode()).isEqualTo(2);
    assertThat(notANumber.err.text()).contains("PASSERELLE_HTTP_PORT").doesNotContain("\tat ");

    Child typo = start(Map.of("PASSERELLE_HTTP_PROT", "1"));
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err.text()).contains("PASSERELLE_HTTP_PROT", "did you mean PASSERELLE_HTTP_PORT");
  }

  @Test
  void demoModeStartsOnFreePortsAnnouncesItselfAndStopsOnSigterm() throws Exception {
    Child node = start(Map.of("PASSERELLE_HTTP_PORT", "0", "PASSERELLE_MANAGEMENT_PORT", "0",
        "PASSERELLE_DEMO_PASSWORD", PASSWORD));
    String banner = node.out.await(BANNER_END, START);
    assertThat(banner).contains("DEMO MODE", "NOT FOR REAL USE", "camille: worker", "(as configured)");
    int publicPort = port(PUBLIC, banner);
    int managementPort = port(MANAGEMENT, banner);
    assertThat(publicPort).isNotEqualTo(managementPort).isPositive();

    assertThat(get(managementPort, "/health/ready").statusCode()).isEqualTo(200);
    assertThat(get(managementPort, "/metrics").body()).contains("jvm_memory_used_bytes", "vertx_http_server");
    HttpResponse<String> notHere = get(publicPort, "/health/ready");
    assertThat(notHere.statusCode()).isEqualTo(404);
    assertThat(notHere.headers().firstValue("content-type")).hasValue("application/problem+json");
    HttpResponse<String> session = post(publicPort, "/api/v1/sessions", "{\"languages\":[\"fr\"]}");
    assertThat(session.statusCode()).isEqualTo(201);
    HttpResponse<String> login = post(publicPort, "/api/v1/auth/login",
        "{\"username\":\"camille\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(login.statusCode()).isEqualTo(200);

    node.process.destroy();
    assertThat(node.exitCode()).as("128 + SIGTERM, after the shutdown hook").isEqualTo(143);
    String printed = node.out.text() + node.err.text();
    assertThat(printed).doesNotContain(PASSWORD, field(session.body(), "secret"), field(login.body(), "accessToken"));
    assertThat(node.err.text()).doesNotContain("\tat ", "Exception", "did not finish cleanly");
  }

  @Test
  void aConfigurationFileNamedByTheEnvironmentIsRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("passerelle.yaml");
    Files.writeString(file, "http: {port: 0, managementPort: 0}\ndemo: {enabled: false}\norganisation: {rootPublicKey: "
        + rootPublicKey() + "}\n");
    Child node = start(Map.of("PASSERELLE_CONFIG", file.toString()));
    String started = node.out.await(Pattern.compile("listening on port \\d+[^\\n]*\\n"), START);
    assertThat(started).doesNotContain("DEMO MODE");
    node.process.destroy();
    assertThat(node.exitCode()).isEqualTo(143);
  }

  @Test
  void outsideDemoModeTheBootstrapAdministratorCanLogIn(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("admin-password"), PASSWORD);
    Child node = start(Map.of("PASSERELLE_HTTP_PORT", "0", "PASSERELLE_MANAGEMENT_PORT", "0",
        "PASSERELLE_DEMO_ENABLED", "false", "PASSERELLE_ORGANISATION_ROOT_PUBLIC_KEY", rootPublicKey(),
        "PASSERELLE_BOOTSTRAP_ADMIN_USERNAME", "root-admin",
        "PASSERELLE_BOOTSTRAP_ADMIN_PASSWORD_FILE", secret.toString()));
    String started = node.out.await(Pattern.compile("first administrator[^\\n]*\\n"), START);
    Matcher port = Pattern.compile("listening on port (\\d+)").matcher(started);
    assertThat(port.find()).isTrue();
    int publicPort = Integer.parseInt(port.group(1));
    assertThat(post(publicPort, "/api/v1/auth/login", "{\"username\":\"root-admin\",\"password\":\"" + PASSWORD
        + "\"}").statusCode()).isEqualTo(200);
    assertThat(post(publicPort, "/api/v1/auth/login", "{\"username\":\"camille\",\"password\":\"" + PASSWORD
        + "\"}").statusCode()).as("no demo accounts").isEqualTo(401);
    node.process.destroy();
    assertThat(node.exitCode()).isEqualTo(143);
  }

  @Test
  void aPortAlreadyInUseStopsStartUpWithOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Child node = start(Map.of("PASSERELLE_HTTP_HOST", "127.0.0.1",
          "PASSERELLE_HTTP_PORT", String.valueOf(taken.getLocalPort()), "PASSERELLE_MANAGEMENT_PORT", "0"));
      assertThat(node.exitCode()).isEqualTo(1);
      assertThat(node.err.text()).contains("could not start").doesNotContain("\tat ");
    }
  }

  @Test
  void outsideDemoModeTheRootPublicKeyIsRequired() throws Exception {
    Child node = start(Map.of("PASSERELLE_HTTP_PORT", "0", "PASSERELLE_MANAGEMENT_PORT", "0",
        "PASSERELLE_DEMO_ENABLED", "false"));
    assertThat(node.exitCode()).isEqualTo(2);
    assertThat(node.err.text()).contains("PASSERELLE_ORGANISATION_ROOT_PUBLIC_KEY").doesNotContain("\tat ");
  }

  /** A fresh organisation root public key, as {@code keys show} prints it. */
  private static String rootPublicKey() {
    return Base64Url.encode(Ed25519.generate(new SecureRandom()).publicKey());
  }

  @Test
  void halfAJwtKeyPairIsAConfigurationError() throws Exception {
    Child node = start(Map.of("PASSERELLE_AUTH_JWT_PRIVATE_KEY_PEM", "-----BEGIN PRIVATE KEY-----"));
    assertThat(node.exitCode()).isEqualTo(2);
    assertThat(node.err.text()).contains("PASSERELLE_AUTH_JWT_PRIVATE_KEY_PEM", "PASSERELLE_AUTH_JWT_PUBLIC_KEY_PEM")
        .doesNotContain("BEGIN PRIVATE KEY");
  }

  @Test
  void theKeysToolRunsWithoutReadingTheServerConfiguration() throws Exception {
    Child keys = start(Map.of("PASSERELLE_HTTP_PORT", "abc"), "keys", "show");
    assertThat(keys.exitCode()).isEqualTo(2);
    assertThat(keys.err.text()).contains("missing --key", "usage: passerelle keys").doesNotContain("configuration");
  }

  @Test
  void theIntakeToolMakesAKeyFileWithoutReadingTheServerConfiguration(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("association.key");
    Child keygen = start(Map.of("PASSERELLE_HTTP_PORT", "abc"), "intake", "keygen", "--out", file.toString());
    assertThat(keygen.exitCode()).as(keygen.err.text()).isZero();
    assertThat(keygen.out.text()).containsPattern("Fingerprint:  \\d{5} \\d{5} \\d{5} \\d{5}")
        .contains("Public key:   " + new io.vertx.core.json.JsonObject(java.nio.file.Files.readString(file))
            .getString("publicKey"));
    assertThat(keygen.err.text()).contains("unencrypted").doesNotContain("configuration");
  }

  private Child start(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().clear();
    pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    pb.environment().putAll(env);
    Child child = new Child(pb.start());
    children.add(child);
    return child;
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(port, path)).GET());
  }

  private HttpResponse<String> post(int port, String path, String json) throws Exception {
    return send(HttpRequest.newBuilder(uri(port, path)).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(REQUEST).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static int port(Pattern line, String banner) {
    Matcher m = line.matcher(banner);
    assertThat(m.find()).as("banner line %s in:%n%s", line, banner).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    assertThat(m.find()).as("%s in %s", name, json).isTrue();
    return m.group(1);
  }

  /** A started {@link Main}, its stdout and stderr drained by threads. */
  private static final class Child {
    final Process process;
    final Output out;
    final Output err;

    Child(Process process) {
      this.process = process;
      this.out = new Output(process.getInputStream());
      this.err = new Output(process.getErrorStream());
    }

    int exitCode() throws InterruptedException {
      assertThat(process.waitFor(EXIT.toMillis(), TimeUnit.MILLISECONDS)).as("process exited").isTrue();
      out.awaitEnd();
      err.awaitEnd();
      return process.exitValue();
    }
  }

  /** One stream of a child process, collected as it comes; waiters are woken by every chunk and by the end. */
  private static final class Output {
    private final StringBuilder text = new StringBuilder();
    private final Thread reader;
    private boolean ended;

    Output(InputStream stream) {
      reader = new Thread(() -> drain(stream), "child-output");
      reader.setDaemon(true);
      reader.start();
    }

    private void drain(InputStream stream) {
      char[] buffer = new char[4096];
      try (Reader in = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          append(new String(buffer, 0, n));
        }
      } catch (IOException e) {
        // The stream closes when the process ends.
      } finally {
        synchronized (this) {
          ended = true;
          notifyAll();
        }
      }
    }

    private synchronized void append(String chunk) {
      text.append(chunk);
      notifyAll();
    }

    synchronized String text() {
      return text.toString();
    }

    /** Waits until the text so far matches, and returns it; fails at the deadline or if the stream ends first. */
    synchronized String await(Pattern pattern, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!pattern.matcher(text).find()) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        assertThat(left > 0 && !ended).as("output matching %s; got:%n%s", pattern, text).isTrue();
        wait(left);
      }
      return text.toString();
    }

    void awaitEnd() throws InterruptedException {
      reader.join(EXIT.toMillis());
    }
  }
}
