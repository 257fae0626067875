package fr.passerelle.web;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.Transport.Response;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.it.TestNode;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Logging in and out of the worker console, and the worker's identity keys and certificate on first use. */
class ConsoleLoginBrowserTest {
  /** The worker's keys in IndexedDB: whether the private halves are non-extractable, and the public halves. */
  private static final String STORED_KEYS = """
      const done = arguments[arguments.length - 1];
      const b64 = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\\+/g, '-').replace(/\\//g, '_')
        .replace(/=+$/, '');
      const open = indexedDB.open('passerelle-console');
      open.onsuccess = () => {
        const all = open.result.transaction('identities').objectStore('identities').getAll();
        all.onsuccess = () => done(all.result.map((k) => ({
          dhAlgorithm: k.dh.privateKey.algorithm.name, dhExtractable: k.dh.privateKey.extractable,
          signingAlgorithm: k.signing.privateKey.algorithm.name, signingExtractable: k.signing.privateKey.extractable,
          dhKey: b64(k.dh.publicKey), signingKey: b64(k.signing.publicKey) })));
      };
      """;

  private ConsoleFixture fixture;

  @BeforeEach
  void start() {
    fixture = ConsoleFixture.start(Map.of());
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private String staffId(String username) {
    return await(fixture.node().node().services().stores().staff().findByUsername(username)).orElseThrow().id();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> storedKeys(ConsolePage page) {
    java.util.List<Map<String, Object>> all = (java.util.List<Map<String, Object>>) page.asyncScript(STORED_KEYS);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  void aWorkerGetsNonExtractableKeysOnFirstUseAsksForACertificateAndGetsADemoOneThatVerifies() {
    ConsolePage page = fixture.open();
    page.assertAccessible("login");
    page.screenshot("login");
    page.login("camille", "wrong password!");
    page.waitUntil("the refusal is shown", () -> page.text("#login-error").contains("incorrect"));

    page.login("camille", TestNode.PASSWORD);
    page.waitFor("#demo-certificate");
    assertThat(page.text("#credentials")).contains("viennent d'être créées");
    assertThat(page.text("#who")).contains("Camille");
    Map<String, Object> keys = storedKeys(page);
    assertThat(keys).containsEntry("dhAlgorithm", "X25519").containsEntry("dhExtractable", false)
        .containsEntry("signingAlgorithm", "Ed25519").containsEntry("signingExtractable", false);
    // The request the admin will see carries exactly these public keys.
    Response requests = await(fixture.node().transport().request("GET", "/api/v1/certificate-requests",
        Optional.of(fixture.node().token("admin")), Optional.empty()));
    JsonObject request = requests.body().getJsonArray("requests").getJsonObject(0);
    assertThat(request.getString("dhKey")).isEqualTo(keys.get("dhKey"));
    assertThat(request.getString("signingKey")).isEqualTo(keys.get("signingKey"));
    assertThat(page.text("#presence-toggle")).isEqualTo("Absent·e");
    assertThat(page.waitFor("#presence-toggle").isEnabled()).as("no certificate, no availability").isFalse();
    page.assertAccessible("worker, certificate pending");
    page.screenshot("certificate-pending");

    page.click("#demo-certificate");
    page.waitUntil("the certificate is ready",
        () -> page.text("#credentials").contains("Chiffrement de bout en bout prêt"));
    byte[] certificate = await(fixture.node().node().services().stores().staff().certificate(staffId("camille")))
        .orElseThrow();
    WorkerCertificate verified = WorkerCertificate.verify(certificate,
        fixture.node().node().organisationRoot().publicKey(), "org-demo", fixture.node().clock().instant());
    assertThat(Base64Url.encode(verified.identityDhKey())).isEqualTo(keys.get("dhKey"));
    assertThat(Base64Url.encode(verified.identitySigningKey())).isEqualTo(keys.get("signingKey"));
    page.click("#presence-toggle");
    page.waitUntil("available", () -> page.text("#presence-toggle").equals("Disponible"));
    page.assertAccessible("worker, ready");
    page.screenshot("worker-ready");

    // A reload logs out (tokens live in memory only) but keeps the keys, and the certificate with them.
    page.reload();
    page.login("camille", TestNode.PASSWORD);
    page.waitUntil("ready again", () -> page.text("#credentials").contains("Chiffrement de bout en bout prêt"));
    assertThat(storedKeys(page)).isEqualTo(keys);
  }

  @Test
  void theConsoleSwitchesToEnglishAndBackAndEveryRoleLandsOnItsOwnScreen() {
    ConsolePage page = fixture.open();
    page.driver().findElement(org.openqa.selenium.By.cssSelector("#language-select option[value='en']")).click();
    page.waitUntil("English", () -> page.text("#login-heading").equals("Log in"));
    assertThat(page.driver().getTitle()).isEqualTo("Passerelle — console");
    page.login("supervisor", TestNode.PASSWORD);
    page.waitUntil("supervisors are sent to their dashboard", () -> page.text("#other-text").contains("/supervisor/"));
    page.assertAccessible("other role");
    page.click("#logout");
    page.waitUntil("logged out", () -> page.text("#login-notice").equals("You are logged out."));
    page.driver().findElement(org.openqa.selenium.By.cssSelector("#language-select option[value='fr']")).click();
    page.waitUntil("French again", () -> page.text("#login-notice").equals("Vous êtes déconnecté·e."));
  }

  @Test
  void logOutEverywhereEndsTheAccountsOtherSessionsAndLogOutEndsOnlyThisOne() {
    TestNode node = fixture.node();
    JsonObject elsewhere = await(node.transport().post("/api/v1/auth/login",
        new JsonObject().put("username", "ioana").put("password", TestNode.PASSWORD))).body();
    ConsolePage page = fixture.open();

    page.login("ioana", TestNode.PASSWORD);
    page.waitFor("#logout");
    page.click("#logout");
    page.waitUntil("logged out", () -> page.text("#login-notice").contains("déconnecté"));
    assertThat(refresh(elsewhere).status()).as("the other session lives on").isEqualTo(200);

    JsonObject again = await(node.transport().post("/api/v1/auth/login",
        new JsonObject().put("username", "ioana").put("password", TestNode.PASSWORD))).body();
    page.login("ioana", TestNode.PASSWORD);
    page.click("#logout-everywhere");
    page.waitFor("#confirm-dialog");
    page.assertAccessible("log out everywhere, confirmation");
    page.click("#confirm-ok");
    page.waitUntil("logged out everywhere", () -> page.text("#login-notice").contains("tous vos appareils"));
    assertThat(refresh(again).status()).isEqualTo(401);
  }

  private Response refresh(JsonObject login) {
    return await(fixture.node().transport().post("/api/v1/auth/refresh",
        new JsonObject().put("refreshToken", login.getString("refreshToken"))));
  }

  @Test
  void aWorkerWhoseAccountIsDisabledIsSentBackToTheLoginFormWithTheReason() {
    fixture.close();
    fixture = ConsoleFixture.start(Map.of("PASSERELLE_AUTH_ACCOUNT_RECHECK", "1s"));
    ConsolePage page = fixture.open();
    ConsoleWorkers.available(page, "camille");
    Response disabled = await(fixture.node().transport().request("PATCH", "/api/v1/admin/staff/" + staffId("camille"),
        Optional.of(fixture.node().token("admin")), Optional.of("{\"enabled\":false}")));
    assertThat(disabled.status()).isEqualTo(200);
    page.waitUntil("back to the login form", () -> page.waitFor("#login-view").isDisplayed()
        && page.text("#login-notice").equals("Ce compte est désactivé. Adressez-vous à un·e administrateur·rice."));
    assertThat(page.all("#worker-view").get(0).isDisplayed()).isFalse();
  }
}
