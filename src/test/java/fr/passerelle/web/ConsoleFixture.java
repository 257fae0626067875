package fr.passerelle.web;

import fr.passerelle.it.TestNode;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real node on port 0 and as many headless Chromium windows on its worker console (or on another of its pages) as
 * a test needs, each with its own profile (so its own IndexedDB, as two workers' browsers). Same browser and driver
 * as {@link Browser}.
 */
public final class ConsoleFixture implements AutoCloseable {
  private static final Path CHROMIUM = Path.of(System.getProperty("passerelle.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("passerelle.chromedriver", "/usr/bin/chromedriver"));
  private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  private final Vertx vertx;
  private final TestNode node;
  private final List<ChromeDriver> drivers = new ArrayList<>();
  private final List<Path> profiles = new ArrayList<>();
  private final List<ChromeDriverService> services = new ArrayList<>();

  private ConsoleFixture(Vertx vertx, TestNode node) {
    this.vertx = vertx;
    this.node = node;
  }

  /** A demo node (throw-away root key, demo accounts) with the given {@code PASSERELLE_*} settings. */
  public static ConsoleFixture start(Map<String, String> settings) {
    DEVTOOLS_LOG.setLevel(Level.SEVERE);
    for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(executable)) {
        throw new AssertionError(executable + " not found: the browser tests need Debian's Chromium and its driver "
            + "(apt-get install chromium chromium-driver)");
      }
    }
    Vertx vertx = Vertx.vertx();
    return new ConsoleFixture(vertx, TestNode.start(vertx, settings));
  }

  public TestNode node() {
    return node;
  }

  public String origin() {
    return "http://127.0.0.1:" + node.port();
  }

  /** The node's Vert.x, for what a test runs beside the node (a {@link TcpProxy}). */
  public Vertx vertx() {
    return vertx;
  }

  /** A new browser window (a new profile) on {@code /console/}. */
  public ConsolePage open() {
    return open(origin());
  }

  /**
   * A new browser window (a new profile) on {@code /console/} of {@code origin}: the node's own, or a relay in front
   * of it such as a {@link TcpProxy}.
   */
  public ConsolePage open(String origin) {
    ConsolePage page = new ConsolePage(window(), origin);
    page.load();
    return page;
  }

  /**
   * A new browser window (a new profile, so a browser of its own) on no page yet, for another page of the node than
   * the console, such as the widget's; closed with the fixture.
   */
  public ChromeDriver window() {
    Path profile;
    try {
      profile = Files.createTempDirectory("passerelle-console-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    profiles.add(profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().withSilent(true).build();
    services.add(service);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1500,1100", "--autoplay-policy=no-user-gesture-required", "--user-data-dir=" + profile);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriver driver = new ChromeDriver(service, options);
    drivers.add(driver);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return driver;
  }

  @Override
  public void close() {
    try {
      drivers.forEach(ChromeDriver::quit);
      services.forEach(ChromeDriverService::stop);
      node.close();
      TestNode.await(vertx.close());
    } finally {
      profiles.forEach(ConsoleFixture::deleteTree);
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
