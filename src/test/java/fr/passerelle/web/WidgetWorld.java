package fr.passerelle.web;

import static fr.passerelle.it.TestNode.await;

import fr.passerelle.client.SecureWorker;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Ed25519;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.e2e.KeySource;
import fr.passerelle.e2e.WorkerKeys;
import fr.passerelle.it.TestNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * A node configured as an association would run it (its own organisation id and root key, a neutral exit page of
 * its own), a browser on it, a TCP relay between the two, and Java workers holding certificates signed by the root.
 */
final class WidgetWorld implements AutoCloseable {
  static final String ORG = "asso-horizon";
  static final String ORG_NAME = "Association Horizon";
  static final String NEUTRAL = "/test/neutral.html";
  static final SecureRandom RANDOM = new SecureRandom();

  final Ed25519.KeyPair root;
  final Browser browser;
  final TcpProxy proxy;
  final WidgetPage page;

  private WidgetWorld(Ed25519.KeyPair root, Browser browser, TcpProxy proxy) {
    this.root = root;
    this.browser = browser;
    this.proxy = proxy;
    this.page = new WidgetPage(browser.driver());
  }

  static WidgetWorld start(Map<String, String> extra) {
    Ed25519.KeyPair root = Ed25519.generate(RANDOM);
    Map<String, String> settings = new HashMap<>(Map.of(
        "PASSERELLE_ORGANISATION_ID", ORG,
        "PASSERELLE_ORGANISATION_NAME", ORG_NAME,
        "PASSERELLE_ORGANISATION_ROOT_PUBLIC_KEY", Base64Url.encode(root.publicKey()),
        "PASSERELLE_ORGANISATION_EXIT_URL", NEUTRAL,
        "PASSERELLE_LIMITS_SESSIONS_PER_MINUTE", "1000",
        "PASSERELLE_LIMITS_LOGINS_PER_MINUTE", "1000"));
    settings.putAll(extra);
    Browser browser = Browser.start(settings, "/test/start.html");
    TcpProxy proxy = TcpProxy.start(browser.vertx(), browser.node().port());
    WidgetWorld world = new WidgetWorld(root, browser, proxy);
    world.browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(412, 915));
    return world;
  }

  TestNode node() {
    return browser.node();
  }

  /** The demo host page, reached through the relay. */
  String demoUrl() {
    return origin() + "/";
  }

  String origin() {
    return "http://127.0.0.1:" + proxy.port();
  }

  /** A worker whose certificate the organisation root signed, uploaded to the server, logged in and away. */
  SecureWorker worker(String username, String pseudonym) {
    WorkerKeys identity = WorkerKeys.generate(RANDOM);
    Instant now = node().clock().instant().truncatedTo(ChronoUnit.SECONDS);
    byte[] certificate = certificate(identity, username, pseudonym, ORG, now.minus(Duration.ofMinutes(1)),
        now.plus(Duration.ofDays(30)), root.privateKey());
    SecureWorker worker = withCertificate(username, identity, certificate);
    await(worker.uploadCertificate(node().transport()));
    return worker;
  }

  /** A worker who presents {@code certificate} in their init, whatever it says; nothing is uploaded. */
  SecureWorker withCertificate(String username, WorkerKeys identity, byte[] certificate) {
    return new SecureWorker(node().worker(username), identity, certificate, root.publicKey(), node().clock(),
        KeySource.random(RANDOM));
  }

  byte[] certificate(WorkerKeys identity, String username, String pseudonym, String orgId, Instant notBefore,
      Instant notAfter, byte[] rootPrivate) {
    return new WorkerCertificate(orgId, staffId(username), pseudonym, identity.identityDh().publicKey(),
        identity.identitySigning().publicKey(), notBefore, notAfter).sign(rootPrivate);
  }

  String staffId(String username) {
    return await(node().node().services().stores().staff().findByUsername(username)).orElseThrow().id();
  }

  /** The entry of the one visitor waiting, once the worker's listing shows it. */
  static String waitingEntry(SecureWorker worker) {
    return await(worker.client().queueWithAtLeast(1)).getJsonArray("entries").getJsonObject(0).getString("entry");
  }

  /** Erases every visitor session still waiting, as a quick exit would: a failed test leaves none behind. */
  void eraseWaitingVisitors() {
    var stores = node().node().services().stores();
    for (var entry : await(stores.queue().waiting())) {
      await(stores.sessions().erase(entry.sessionId()));
    }
  }

  @Override
  public void close() {
    try {
      proxy.close();
    } finally {
      browser.close();
    }
  }
}
