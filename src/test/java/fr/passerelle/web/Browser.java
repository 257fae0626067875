package fr.passerelle.web;

import fr.passerelle.it.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real node on port 0 and one headless Chromium on its test page, for the tests of one class. {@link #call} runs a
 * function of one of the node's ES modules in the page and hands back its JSON result.
 *
 * <p>Debian's {@code chromium} and {@code chromedriver} are named explicitly, so that Selenium Manager never tries to
 * download a browser; a machine without them fails the test, it does not skip it.
 */
public final class Browser implements AutoCloseable {
  private static final Path CHROMIUM = Path.of(System.getProperty("passerelle.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("passerelle.chromedriver", "/usr/bin/chromedriver"));
  private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);
  // The tests speak WebDriver only, with no DevTools bindings on the classpath: Selenium's warning about them is noise.
  private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");
  // Imports the module, awaits the function, and answers one JSON string: {result} or {error, reason}.
  private static final String CALL = """
      const [module, name, args, done] = arguments;
      import(module)
        .then((m) => m[name](...JSON.parse(args)))
        .then((result) => done(JSON.stringify({ result: result ?? null })),
              (e) => done(JSON.stringify({ error: String(e?.stack ?? e), reason: e?.reason ?? null })));
      """;

  private final Vertx vertx;
  private final TestNode node;
  private final Path profile;
  private final ChromeDriverService service;
  private final ChromeDriver driver;

  private Browser(Vertx vertx, TestNode node, Path profile, ChromeDriverService service, ChromeDriver driver) {
    this.vertx = vertx;
    this.node = node;
    this.profile = profile;
    this.service = service;
    this.driver = driver;
  }

  /** Starts a node and a browser on the node's test page. */
  public static Browser start() {
    return start(Map.of(), "/test/harness.html");
  }

  /** Starts a node with these {@code PASSERELLE_*} settings and a browser on {@code path} of it. */
  public static Browser start(Map<String, String> settings, String path) {
    DEVTOOLS_LOG.setLevel(Level.SEVERE);
    requireExecutable(CHROMIUM);
    requireExecutable(CHROMEDRIVER);
    Vertx vertx = Vertx.vertx();
    TestNode node = TestNode.start(vertx, settings);
    Path profile = temporaryProfile();
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().withSilent(true).build();
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile);
    ChromeDriver driver = null;
    try {
      driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(SCRIPT_TIMEOUT);
      Browser browser = new Browser(vertx, node, profile, service, driver);
      driver.get(browser.origin() + path);
      return browser;
    } catch (RuntimeException e) {
      if (driver != null) {
        driver.quit();
      }
      service.stop();
      node.close();
      TestNode.await(vertx.close());
      deleteTree(profile);
      throw e;
    }
  }

  public Vertx vertx() {
    return vertx;
  }

  /** {@code http://127.0.0.1:port}: a secure context, as WebCrypto requires. */
  public String origin() {
    return "http://127.0.0.1:" + node.port();
  }

  /**
   * The result of {@code await (await import(module))[function](...args)} in the page, as JSON: a JsonObject,
   * JsonArray, String, Number, Boolean or null. A function that throws fails the test with its stack.
   */
  public Object call(String module, String function, Object... args) {
    Object answer = driver.executeAsyncScript(CALL, module, function, new JsonArray(List.of(args)).encode());
    JsonObject reply = new JsonObject((String) answer);
    if (reply.containsKey("error")) {
      throw new AssertionError(module + " " + function + " threw " + reply.getString("error"));
    }
    return reply.getValue("result");
  }

  /** The browser itself, for tests that drive a page (navigate, click, type, read). */
  public ChromeDriver driver() {
    return driver;
  }

  /** The node the browser talks to. */
  public TestNode node() {
    return node;
  }

  /** {@link #call} for a function that returns an object. */
  public JsonObject object(String module, String function, Object... args) {
    return (JsonObject) call(module, function, args);
  }

  @Override
  public void close() {
    try {
      driver.quit();
      service.stop();
      node.close();
      TestNode.await(vertx.close());
    } finally {
      deleteTree(profile);
    }
  }

  private static void requireExecutable(Path path) {
    if (!Files.isExecutable(path)) {
      throw new AssertionError(path + " not found: the browser tests need Debian's Chromium and its driver "
          + "(apt-get install chromium chromium-driver)");
    }
  }

  private static Path temporaryProfile() {
    try {
      return Files.createTempDirectory("passerelle-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
